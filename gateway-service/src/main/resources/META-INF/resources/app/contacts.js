import {rest, webhook} from './api.js';
import {h, utc} from './dom.js';
import {confirmAction, field, form, run, value} from './forms.js';
import {focusHeading, go, say} from './main.js';
import {pager} from './sequences.js';

const PER_PAGE = 20;
const SOURCES = [['hubspot', 'HubSpot'], ['aloware', 'Aloware'], ['zoho', 'Zoho'], ['guesty', 'Guesty'],
    ['pipedrive', 'Pipedrive'], ['phone_number', 'Phone number only']];
const WAITING = {
    delay: 'the step\'s delay', paused: 'the contact is paused', sequence_paused: 'the sequence is paused',
    retry: 'a retry (the provider was down)', stages: 'an active step', window: 'the sending window',
    weekend: 'the weekend', holiday: 'a public holiday', throttle: 'the sending throttle',
};

export function describeWaiting(waiting) {
    return waiting ? (WAITING[waiting] || waiting) : '—';
}

export async function renderContacts(view, id) {
    let sequence;
    try {
        ({data: sequence} = await rest('GET', '/v1/sequence', {query: {sequence_id: id}}));
    } catch (error) {
        view.main.append(h('h1', {}, 'Contacts'), h('p', {class: 'form-error', role: 'alert'},
            error.status === 404 ? `There is no sequence with id ${id} in your account.` : error.message));
        focusHeading(view);
        return;
    }
    if (!view.current()) {
        return;
    }
    document.title = `Contacts of ${sequence.name} · Sequences dashboard`;
    const page = Math.max(1, Number.parseInt(view.query.get('page') || '1', 10) || 1);
    const table = h('div', {class: 'listing'});
    const refresh = h('button', {type: 'button', id: 'refresh-contacts'}, 'Refresh');
    const disenrollForm = disenrollPanel();
    const reload = () => load(view, sequence, table, page, disenrollForm);
    refresh.addEventListener('click', () => run(table, refresh, reload));
    view.main.append(
        h('p', {class: 'crumbs'}, h('a', {href: '#/sequences'}, 'Sequences'), ' › ',
            h('a', {href: `#/sequences/${sequence.id}`}, sequence.name), ' › Contacts'),
        h('h1', {}, `Contacts of ${sequence.name}`),
        h('p', {class: 'id'}, `sequence id ${sequence.id}${sequence.paused ? ' · the sequence is paused' : ''}`),
        h('section', {'aria-labelledby': 'contacts-heading', class: 'panel'},
            h('div', {class: 'title-row'}, h('h2', {id: 'contacts-heading'}, 'In the sequence now'), refresh),
            h('p', {class: 'hint'}, 'Contacts that have run the last step are finished and no longer listed here.'),
            table),
        h('section', {'aria-labelledby': 'enroll-heading', class: 'panel'},
            h('h2', {id: 'enroll-heading'}, 'Enroll a contact'), enrollForm(sequence, reload)),
        h('section', {'aria-labelledby': 'disenroll-heading', class: 'panel'},
            h('h2', {id: 'disenroll-heading'}, 'Disenroll a contact'),
            h('p', {class: 'hint'}, 'Disenrolling ends the contact\'s enrollment in every sequence of the account.'),
            disenrollForm.element));
    focusHeading(view);
    await load(view, sequence, table, page, disenrollForm);
}

async function load(view, sequence, table, page, disenrollForm) {
    if (!table.firstChild) {
        table.replaceChildren(h('p', {class: 'loading'}, 'Loading the contacts…'));
    }
    let contacts;
    try {
        contacts = await rest('GET', '/v1/sequences-contacts',
            {query: {sequence_id: sequence.id, page, per_page: PER_PAGE, include: 'progress'}});
    } catch (error) {
        table.replaceChildren(h('p', {class: 'form-error', role: 'alert'}, error.message));
        return;
    }
    if (!view.current()) {
        return;
    }
    const toPage = (n) => go(`#/sequences/${sequence.id}/contacts?page=${n}`);
    if (contacts.data.length === 0) {
        table.replaceChildren(h('p', {id: 'no-contacts'}, contacts.meta.total === 0 ? 'No contact is in this sequence now.' : 'No contact on this page.'),
            contacts.meta.total > 0 ? pager(contacts.meta, 'contact', toPage) : null);
        return;
    }
    const rows = contacts.data.map((contact) => row(sequence, contact, contact.progress || null, disenrollForm,
        () => load(view, sequence, table, page, disenrollForm)));
    table.replaceChildren(
        h('table', {class: 'contacts'},
            h('caption', {class: 'visually-hidden'}, `Contacts of ${sequence.name}, with their progress`),
            h('thead', {}, h('tr', {},
                ['Contact', 'State', 'Step', 'Next due', 'Waiting for', 'Actions'].map((title) => h('th', {scope: 'col'}, title)))),
            h('tbody', {}, rows)),
        pager(contacts.meta, 'contact', toPage));
}

function displayName(contact) {
    return [contact.first_name, contact.last_name].filter(Boolean).join(' ') || '(no name)';
}

function row(sequence, contact, progress, disenrollForm, reload) {
    const name = displayName(contact);
    const actions = h('td', {class: 'row-actions'});
    const tr = h('tr', {'data-contact-id': contact.id},
        h('th', {scope: 'row'}, h('span', {class: 'contact-name'}, name), h('span', {class: 'id'}, `id ${contact.id}`),
            contact.email ? h('span', {class: 'email'}, contact.email) : null),
        h('td', {class: 'state'}, progress ? progress.state : 'unknown'),
        h('td', {class: 'step'}, progress && progress.step !== null ? String(progress.step) : '—'),
        h('td', {class: 'next-due'}, progress ? utc(progress.next_due_at) : '—'),
        h('td', {class: 'waiting'}, progress ? describeWaiting(progress.waiting_for) : '—'),
        actions);
    const error = h('div', {class: 'form-error', role: 'alert', hidden: true});
    if (progress && (progress.state === 'active' || progress.state === 'paused')) {
        const pausing = progress.state === 'active';
        const toggle = h('button', {type: 'button', 'aria-label': `${pausing ? 'Pause' : 'Resume'} ${name} (id ${contact.id})`},
            pausing ? 'Pause' : 'Resume');
        toggle.addEventListener('click', () => run(actions, toggle, async () => {
            await rest('PUT', '/v1/contact-sequence', {body: {contact_id: contact.id, sequence_id: sequence.id, paused: pausing}});
            say(`${name} is ${pausing ? 'paused' : 'resumed'}.`);
            await reload();
        }));
        actions.append(toggle);
    }
    const disenroll = h('button', {type: 'button', class: 'danger', 'aria-label': `Disenroll ${name} (id ${contact.id})`}, 'Disenroll');
    disenroll.addEventListener('click', () => run(actions, disenroll, async () => {
        const reference = referenceOf(progress);
        if (!reference) {
            disenrollForm.prefill(contact);
            say(`Type the source and id (or phone number) of ${name} below: the platform knows it by neither.`);
            return;
        }
        if (!await confirmAction(`Disenroll ${name}?`, `${name} (id ${contact.id}) leaves this sequence and every other`
            + ' sequence of the account; the steps not run yet will not run.', 'Disenroll')) {
            return;
        }
        const message = await webhook('/api/v1/webhook/sequence-disenroll', reference);
        say(`${name}: ${message}`);
        await reload();
    }));
    actions.append(disenroll, error);
    return tr;
}

/** How the disenroll webhook names a listed contact: its CRM source and id, or its phone number. */
function referenceOf(progress) {
    if (!progress || !progress.source) {
        return null;
    }
    return progress.source === 'phone_number'
        ? {source: 'phone_number', phone_number: progress.phone_number}
        : {source: progress.source, id: progress.id};
}

function enrollForm(sequence, reload) {
    const source = field('Source', 'source', {kind: 'select', options: SOURCES});
    const externalId = field('Id in the source', 'id', {attrs: {maxlength: 64, autocomplete: 'off'}, hint: 'The contact\'s id in the CRM.'});
    const phone = field('Phone number', 'phone_number', {attrs: {type: 'tel', autocomplete: 'off'}, hint: 'Required with the source "Phone number only".'});
    const email = field('Email', 'email', {attrs: {type: 'email', autocomplete: 'off'}});
    const first = field('First name', 'first_name', {attrs: {maxlength: 255, autocomplete: 'off'}});
    const last = field('Last name', 'last_name', {attrs: {maxlength: 255, autocomplete: 'off'}});
    const timezone = field('Time zone', 'timezone', {attrs: {autocomplete: 'off', placeholder: 'Europe/Dublin'}, hint: 'Optional IANA name.'});
    const force = field('Move the contact here if it is enrolled in another sequence', 'force_enroll', {kind: 'checkbox'});
    return form('Enroll a contact', [h('div', {class: 'inline'}, source.wrapper, externalId.wrapper, phone.wrapper),
        h('div', {class: 'inline'}, email.wrapper, first.wrapper, last.wrapper), timezone.wrapper, force.wrapper],
    'Enroll contact', async (element) => {
        const body = {sequence_id: sequence.id, source: value(element, 'source'), force_enroll: value(element, 'force_enroll')};
        for (const name of ['id', 'phone_number', 'email', 'first_name', 'last_name', 'timezone']) {
            if (value(element, name)) {
                body[name] = value(element, name);
            }
        }
        const message = await webhook('/api/v1/webhook/sequence-enroll', body);
        say(message);
        await reload();
    });
}

function disenrollPanel() {
    const source = field('Source', 'source', {kind: 'select', options: SOURCES});
    const externalId = field('Id in the source', 'id', {attrs: {maxlength: 64, autocomplete: 'off'}});
    const phone = field('Phone number', 'phone_number', {attrs: {type: 'tel', autocomplete: 'off'}});
    const element = form('Disenroll a contact', [h('div', {class: 'inline'}, source.wrapper, externalId.wrapper, phone.wrapper)],
        'Disenroll contact', async (formElement) => {
            const body = {source: value(formElement, 'source')};
            for (const name of ['id', 'phone_number']) {
                if (value(formElement, name)) {
                    body[name] = value(formElement, name);
                }
            }
            const who = body.id ? `${body.source} ${body.id}` : body.phone_number || body.source;
            if (!await confirmAction(`Disenroll ${who}?`, 'The contact leaves every sequence of the account; the steps'
                + ' not run yet will not run.', 'Disenroll')) {
                return;
            }
            const message = await webhook('/api/v1/webhook/sequence-disenroll', body);
            say(message);
            const refresh = document.getElementById('refresh-contacts');
            if (refresh) {
                refresh.click();
            }
        });
    return {
        element,
        prefill(contact) {
            externalId.control.focus();
            element.dataset.contactId = String(contact.id);
        },
    };
}
