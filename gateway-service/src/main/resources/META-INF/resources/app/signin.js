import {keepToken, rest} from './api.js';
import {h} from './dom.js';
import {field, form, showRefusal} from './forms.js';
import {go, say} from './main.js';

export function renderSignIn(view) {
    const tokenField = field('API token', 'token', {
        attrs: {type: 'password', autocomplete: 'off', spellcheck: 'false', required: true},
        hint: 'Your account\'s API token (sq_...). It is kept in this browser tab only, until you sign out or close it.',
    });
    const signIn = form('Sign in', [tokenField.wrapper], 'Sign in', async (element) => {
        const candidate = tokenField.control.value.trim();
        if (!candidate) {
            showRefusal(element, {message: 'Type your API token.', fields: {token: ['The API token is required.']}});
            return;
        }
        try {
            await rest('GET', '/v1/sequences', {query: {per_page: 1}, withToken: candidate});
        } catch (error) {
            if (error.status === 401) {
                error.fields = {token: ['This token is not accepted: it is unknown or has been revoked.']};
                error.message = 'Sign-in refused: check the token, or ask for a new one.';
            }
            throw error;
        }
        keepToken(candidate);
        say('Signed in.');
        go('#/sequences');
    });
    view.main.append(
        h('h1', {}, 'Sign in'),
        h('p', {}, 'Sign in with an API token of your account to manage its sequences and contacts.'),
        signIn);
    tokenField.control.focus();
}
