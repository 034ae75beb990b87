// Stage 2 as the service worker runs it (content.findNumbers), run in-process
// for the scanner's unit tests: every request goes through the same schema,
// so a request the worker would refuse fails the test.
import * as v from 'valibot';
import type { FindNumbers } from '../../src/content/page-scanner';
import { FindNumbersSchema, findNumbers } from '../../src/shared/numbers-in-window';

export const localFindNumbers: FindNumbers = (request) => Promise.resolve(findNumbers(v.parse(FindNumbersSchema, request)));
