/**
 * The submit of a token form (the control panel's and the desk's gate): the trimmed token, if any, is handed on and
 * the field emptied, without the page navigating.
 */
export function onTokenSubmit(form: HTMLFormElement, input: HTMLInputElement, onSubmit: (token: string) => void): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (token === '') return;
    input.value = '';
    onSubmit(token);
  });
}
