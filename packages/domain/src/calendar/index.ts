export * from './dates.js';
export * from './holidays.js';
export * from './instants.js';
