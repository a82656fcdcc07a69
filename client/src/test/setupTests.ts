import '@testing-library/jest-dom';

afterEach(() => {
  document.cookie = 'monitor_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});
