import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// `findBy…` and `waitFor` wait up to 5 s instead of 1 s: lazy routes and their data take longer than a second on a
// busy two-core CI machine (a rankings spec timed out there once). A test that never gets there still fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  document.cookie = 'monitor_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});
