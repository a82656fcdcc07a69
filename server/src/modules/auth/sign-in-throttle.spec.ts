import { SignInThrottle } from './sign-in-throttle.js';

describe('SignInThrottle', () => {
  const minute = 60_000;

  it('refuses an attempt after `allowed` failures in the window, and says for how long', () => {
    const sut = new SignInThrottle(3, 15 * minute);
    for (let i = 0; i < 3; i++) expect(sut.begin('admin', 0)).toBeUndefined();
    expect(sut.begin('admin', 5 * minute)).toBe(600);
    expect(sut.begin('someone-else', 5 * minute)).toBeUndefined();
  });

  it('opens a new window when the old one has ended', () => {
    const sut = new SignInThrottle(1, minute);
    sut.begin('admin', 0);
    expect(sut.begin('admin', minute - 1)).toBe(1);
    expect(sut.begin('admin', minute)).toBeUndefined();
  });

  it('counts an attempt from its start (parallel guesses), and takes back the ones released', () => {
    const sut = new SignInThrottle(2, minute);
    expect(sut.begin('admin', 0)).toBeUndefined();
    expect(sut.begin('admin', 0)).toBeUndefined();
    expect(sut.begin('admin', 0)).toBe(60); // two in flight: the third waits
    sut.release('admin'); // one of them succeeded
    expect(sut.begin('admin', 0)).toBeUndefined();
  });
});
