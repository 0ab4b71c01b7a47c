// The dashboard: a single page that calls the gateway's public API with the signed-in token. Routes are in the
// URL's fragment (#/sequences, #/sequences/12, #/sequences/12/contacts, #/contacts); the token never is.

import {forgetToken, token, whenBusy, whenUnauthenticated} from './api.js';
import {replace} from './dom.js';
import {renderSignIn} from './signin.js';
import {renderSequences} from './sequences.js';
import {renderSequence} from './sequence.js';
import {renderContacts} from './contacts.js';
import {renderSearch} from './search.js';

const main = document.getElementById('main');
const messages = document.getElementById('messages');

/** Tells something in the page's live region (read out by screen readers). */
export function say(text) {
    messages.textContent = '';
    // A new text node each time, so that the same message twice is announced twice.
    window.setTimeout(() => {
        messages.textContent = text;
    }, 30);
}

export function go(hash) {
    if (window.location.hash === hash) {
        render();
    } else {
        window.location.hash = hash;
    }
}

function signOut(message) {
    forgetToken();
    say(message);
    go('#/sign-in');
}

function parse(hash) {
    const [path, queryString] = (hash.replace(/^#/, '') || '/sequences').split('?');
    const query = new URLSearchParams(queryString || '');
    const parts = path.split('/').filter(Boolean);
    return {parts, query};
}

let generation = 0;

export async function render() {
    generation += 1;
    const mine = generation;
    const signedIn = Boolean(token());
    document.getElementById('nav').hidden = !signedIn;
    document.getElementById('sign-out').hidden = !signedIn;
    const {parts, query} = parse(window.location.hash);
    const view = {
        main,
        query,
        current: () => mine === generation,
    };
    replace(main);
    if (!signedIn || parts[0] === 'sign-in') {
        if (signedIn) {
            go('#/sequences');
            return;
        }
        document.title = 'Sign in · Sequences dashboard';
        renderSignIn(view);
        return;
    }
    if (parts[0] === 'sequences' && parts.length === 1) {
        document.title = 'Sequences · Sequences dashboard';
        await renderSequences(view);
    } else if (parts[0] === 'sequences' && parts.length === 2) {
        document.title = 'Sequence · Sequences dashboard';
        await renderSequence(view, parts[1]);
    } else if (parts[0] === 'sequences' && parts[2] === 'contacts') {
        document.title = 'Contacts · Sequences dashboard';
        await renderContacts(view, parts[1]);
    } else if (parts[0] === 'contacts') {
        document.title = 'Find a contact · Sequences dashboard';
        await renderSearch(view);
    } else {
        go('#/sequences');
    }
}

/** After a navigation, the page's heading takes the focus (so a screen reader reads where it is). */
export function focusHeading(view) {
    const heading = view.main.querySelector('h1');
    if (heading && view.current()) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
    }
}

whenBusy((busy) => {
    document.getElementById('busy').hidden = !busy;
    document.body.classList.toggle('is-busy', busy);
});
whenUnauthenticated(() => {
    signOut('Your API token is no longer accepted (it was revoked, or is unknown): sign in again.');
});
document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out: the token is forgotten.'));
window.addEventListener('hashchange', () => render());
render();
