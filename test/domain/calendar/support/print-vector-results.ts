// Child-process entry for the TZ-independence test: prints the vector results computed in this process's TZ.
import { loadWorkCalendar } from '../../../../src/holidays/load-work-calendar.ts';
import { evaluateVector, loadVectors } from './vectors.ts';

const calendar = await loadWorkCalendar();
const results = loadVectors().map((vector) => evaluateVector(calendar, vector));
process.stdout.write(JSON.stringify({ tzOffsetMinutes: new Date(0).getTimezoneOffset(), results }));
