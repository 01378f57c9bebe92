/** The OBS dock's entry, loaded by `../main.ts` for `/control/?dock=1` instead of the full panel. */
import './dock.css';
import { startDock } from './dock.js';

startDock(document.body);
