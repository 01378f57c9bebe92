import type { RaceView } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { describeCallMade } from '../calls.js';
import { candidateName, describeCallButton, describeUncallButton, raceName } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';
import { repeatedMouseClick } from './doubleClick.js';

const ARM_MS = 3_000;

type Armed = { kind: 'call'; raceId: string; winner: string } | { kind: 'uncall'; raceId: string };

/**
 * Calling the picked race: choose the winner (the leader is preselected until the producer chooses), then CALL RACE
 * and a second click within 3 s to confirm, as AIR DIRECT arms. A called race offers WITHDRAW CALL, armed the same
 * way. Sent over HTTP (`POST` / `DELETE /api/races/:id/call`); the race's new revision comes back as its answer.
 */
export function createCallBox(state: ControlState, actions: Actions) {
  const race = el('span', { class: 'call-race' });
  const status = el('span', { class: 'call-status' });
  const winner = el('select', { class: 'call-winner', attrs: { id: 'call-winner' } });
  const winnerLabel = el('label', { class: 'call-label', text: 'Winner', attrs: { for: 'call-winner' } });
  const callMain = el('span', { class: 'btn-main' });
  const callSub = el('span', { class: 'btn-sub' });
  const call = el('button', { class: 'btn btn-call', attrs: { type: 'button' } }, callMain, callSub);
  const uncallMain = el('span', { class: 'btn-main' });
  const uncallSub = el('span', { class: 'btn-sub' });
  const uncall = el('button', { class: 'btn btn-uncall', attrs: { type: 'button' } }, uncallMain, uncallSub);
  const hint = el('p', { class: 'call-hint', text: 'Pick a race (click or ↑/↓) to call it.' });
  const controls = el('div', { class: 'call-controls' }, winnerLabel, winner, call, uncall);
  const root = el(
    'section',
    { class: 'call-box', attrs: { 'aria-label': 'Call the picked race' } },
    el('div', { class: 'call-head' }, el('span', { class: 'call-title', text: 'CALL' }), race, status),
    hint,
    controls,
  );

  /** The producer's choice of winner for one race; until they choose, the leader is followed. */
  let chosen: { raceId: string; winner: string } | null = null;
  let optionsKey = '';
  let armed: Armed | null = null;
  let armTimer: ReturnType<typeof setTimeout> | undefined;

  const picked = (): RaceView | undefined => (state.selectedRaceId ? state.races.get(state.selectedRaceId)?.view : undefined);
  const winnerFor = (v: RaceView): string | null =>
    chosen?.raceId === v.id && v.candidates.some((c) => c.id === chosen?.winner) ? chosen.winner : v.leader;

  const arm = (a: Armed) => {
    armed = a;
    clearTimeout(armTimer);
    armTimer = setTimeout(disarm, ARM_MS);
    update();
  };
  function disarm(): void {
    armed = null;
    clearTimeout(armTimer);
    update();
  }

  winner.addEventListener('change', () => {
    const v = picked();
    if (v) chosen = { raceId: v.id, winner: winner.value };
    disarm();
  });
  call.addEventListener('click', (e) => {
    if (repeatedMouseClick(e)) return;
    const v = picked();
    if (!v) return;
    const w = winnerFor(v);
    if (!w) {
      state.setFeedback('error', `Call ${raceName(v)}: choose the winner first`);
      winner.focus();
      return;
    }
    // Not live: nothing to arm; the action reports "not sent".
    if (!state.live) return actions.callRace(v.id, w);
    if (armed?.kind === 'call' && armed.raceId === v.id && armed.winner === w) {
      disarm();
      actions.callRace(v.id, w);
    } else arm({ kind: 'call', raceId: v.id, winner: w });
  });
  uncall.addEventListener('click', (e) => {
    if (repeatedMouseClick(e)) return;
    const v = picked();
    if (!v) return;
    if (!state.live) return actions.uncallRace(v.id);
    if (armed?.kind === 'uncall' && armed.raceId === v.id) {
      disarm();
      actions.uncallRace(v.id);
    } else arm({ kind: 'uncall', raceId: v.id });
  });

  function updateOptions(v: RaceView, w: string | null): void {
    const key = `${v.id}|${v.candidates.map((c) => `${c.id}:${c.name}`).join(',')}|${w === null}`;
    if (key !== optionsKey) {
      optionsKey = key;
      winner.replaceChildren(
        ...(w === null ? [el('option', { text: '— choose —', attrs: { value: '' } })] : []),
        ...v.candidates.map((c) => el('option', { text: `${candidateName(v, c.id)}${c.party ? ` (${c.party})` : ''}`, attrs: { value: c.id } })),
      );
    }
    if (winner.value !== (w ?? '')) winner.value = w ?? '';
  }

  function update(): void {
    const v = picked();
    hint.hidden = !!v;
    controls.hidden = !v;
    setText(race, v ? raceName(v) : 'no race picked');
    if (!v) {
      setText(status, '');
      armed = null;
      return;
    }
    const called = v.status === 'called' && v.call !== null;
    // A runoff call (candidates advancing) is withdrawn the same way; the race may still be called for a winner.
    const runoff = v.advancing.map((id) => candidateName(v, id)).join(', ');
    const withdrawable = called || runoff !== '';
    if (armed && (armed.raceId !== v.id || (armed.kind === 'call' ? called : !withdrawable))) armed = null;
    setText(status, called && v.call ? `CALLED for ${candidateName(v, v.call.winner)} · ${describeCallMade(v, state.feeds, state.calls.values())}` : runoff ? `RUNOFF: ${runoff}` : 'not called');
    toggleClass(status, 'is-called', withdrawable);
    toggleClass(root, 'called', called);

    const w = winnerFor(v);
    updateOptions(v, w);
    winnerLabel.hidden = winner.hidden = call.hidden = called;
    uncall.hidden = !withdrawable;
    const name = w === null ? null : candidateName(v, w);
    const callArmed = armed?.kind === 'call' && armed.winner === w;
    setText(callMain, callArmed ? 'CONFIRM CALL' : 'CALL RACE');
    setText(callSub, name === null ? 'choose the winner' : callArmed ? `click again: ${name} wins ${raceName(v)}` : `for ${name}`);
    setAttr(call, 'aria-label', describeCallButton(v, name, callArmed));
    toggleClass(call, 'armed', callArmed);
    const uncallArmed = armed?.kind === 'uncall';
    setText(uncallMain, uncallArmed ? 'CONFIRM WITHDRAW' : 'WITHDRAW CALL');
    setText(uncallSub, uncallArmed ? `click again: ${raceName(v)} no longer called` : v.call ? `called for ${candidateName(v, v.call.winner)}` : `runoff: ${runoff}`);
    setAttr(uncall, 'aria-label', describeUncallButton(v, uncallArmed));
    toggleClass(uncall, 'armed', uncallArmed);
    for (const b of [call, uncall]) setAttr(b, 'aria-disabled', state.live ? null : 'true');
  }

  return { root, update };
}
