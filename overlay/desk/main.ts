/** The manual entry desk (`/desk/`): wiring only; see README.md for what it does. */
import '@fontsource/barlow-condensed/500.css';
import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '../control/styles.css';
import './desk.css';
import { forgetToken, initialToken, saveToken } from '../control/token.js';
import { checkToken } from './api.js';
import { createDesk } from './desk.js';
import { createGate } from './gate.js';

/** The desk's own session slot: an ingest token here must never be offered to the control panel. */
const TOKEN_KEY = 'leadwire.deskToken';

let token = '';
const gate = createGate((t) => void tryToken(t));
const desk = createDesk({
  token: () => token,
  onTokenRefused: (message) => lock(message),
  onChangeToken: () => lock(null),
});
document.body.append(gate.root, desk.root);

function lock(refusal: string | null, forget = true): void {
  desk.stop();
  if (forget) forgetToken(sessionStorage, TOKEN_KEY);
  token = '';
  gate.root.hidden = false;
  gate.update({ checking: false, refusal });
  gate.focus();
}

async function tryToken(t: string): Promise<void> {
  gate.update({ checking: true, refusal: null });
  const refusal = await checkToken(t);
  if (refusal) {
    // An unreachable server says nothing about the token: it is kept for the next try.
    if (refusal.error === 'network') lock(`cannot reach the server (${refusal.message})`, false);
    else lock(refusal.error);
    return;
  }
  token = t;
  saveToken(t, sessionStorage, TOKEN_KEY);
  gate.root.hidden = true;
  desk.start();
}

const initial = initialToken(location, sessionStorage, TOKEN_KEY);
if (initial) void tryToken(initial);
else lock(null);
