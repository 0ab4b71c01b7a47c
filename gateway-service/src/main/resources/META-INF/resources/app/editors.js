// The content of a step: the email editor of a send_email stage (with a live preview in a sandboxed frame: the
// stored HTML never runs a script, never reaches this page) and the text of a send_sms stage.

import {rest} from './api.js';
import {h} from './dom.js';
import {field, form} from './forms.js';
import {render, say} from './main.js';

export const PLACEHOLDERS = [
    ['{{first_name}}', 'the contact\'s first name'],
    ['{{last_name}}', 'the contact\'s last name'],
    ['{{email}}', 'the contact\'s email address'],
    ['{{phone_number}}', 'the contact\'s phone number'],
    ['{{first_name|there}}', 'a fallback text for a contact without that field'],
];

const SAMPLE = {first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone_number: '+14155550100'};

function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;'}[c]));
}

/** Fills the placeholders as the platform does when it sends (values HTML-escaped in HTML), for a sample contact. */
export function fill(template, html) {
    return template.replace(/\{\{\s*([a-z_]+)\s*(?:\|([^}]*))?\}\}/g, (whole, name, fallback) => {
        if (!(name in SAMPLE)) {
            return whole;
        }
        const filled = SAMPLE[name] || fallback || '';
        return html ? escapeHtml(filled) : filled;
    });
}

function placeholderList() {
    return h('div', {class: 'placeholders'},
        h('h4', {}, 'Placeholders'),
        h('p', {class: 'hint'}, 'Filled from the contact when the step is sent; the preview uses a sample contact (Ada Lovelace).'),
        h('ul', {}, PLACEHOLDERS.map(([code, meaning]) => h('li', {}, h('code', {}, code), ` ${meaning}`))));
}

function close(container) {
    const button = h('button', {type: 'button', on: {click: () => {
        container.replaceChildren();
        const heading = document.getElementById('stages-heading');
        heading.setAttribute('tabindex', '-1');
        heading.focus();
    }}}, 'Close editor');
    return button;
}

/** The stage's stored email (GET /v1/sequence-stage-content), or empty fields when it cannot be read. */
async function storedEmail(stage) {
    try {
        const {data} = await rest('GET', `/v1/sequence-stage-content?stage_id=${encodeURIComponent(stage.id)}`);
        return {email: data, problem: null};
    } catch (refusal) {
        return {email: {}, problem: `The stored email could not be read (${refusal.message}): what you save replaces it.`};
    }
}

export async function editEmail(container, sequence, stage) {
    container.replaceChildren(h('p', {class: 'hint', role: 'status'}, 'Reading the stored email…'));
    const {email: before, problem} = await storedEmail(stage);
    const subject = field('Subject', 'subject', {attrs: {maxlength: 255, autocomplete: 'off'}, value: before.subject});
    const fromName = field('Sender name', 'from_name', {attrs: {maxlength: 255, autocomplete: 'off'}, value: before.from_name});
    const fromEmail = field('Sender address', 'from_email', {attrs: {type: 'email', autocomplete: 'off'}, value: before.from_email});
    const html = field('HTML', 'html', {kind: 'textarea', attrs: {rows: 12, spellcheck: 'false', class: 'code'}, value: before.html,
        hint: 'The whole HTML body (at most 512 KiB). Saving replaces the stored HTML.'});
    const subjectPreview = h('p', {class: 'subject-preview', id: 'subject-preview'});
    // An empty sandbox: no script, no form, no navigation of this page, a unique origin.
    const preview = h('iframe', {sandbox: '', title: `Preview of the email of step ${stage.step}`, class: 'preview', id: 'email-preview',
        referrerpolicy: 'no-referrer'});
    const update = () => {
        subjectPreview.textContent = `Subject: ${fill(subject.control.value, false) || '(none)'}`;
        preview.srcdoc = fill(html.control.value, true);
    };
    subject.control.addEventListener('input', update);
    html.control.addEventListener('input', update);
    const editor = form(`Email of step ${stage.step}`, [subject.wrapper, h('div', {class: 'inline'}, fromName.wrapper, fromEmail.wrapper), html.wrapper],
        'Save email', async (element) => {
            const body = {stage_id: stage.id, html: html.control.value};
            for (const name of ['subject', 'from_name', 'from_email']) {
                const text = element.querySelector(`[data-field="${name}"]`).value.trim();
                if (text) {
                    body[name] = text;
                }
            }
            const {data} = await rest('PUT', '/v1/sequence-stage-content', {body});
            say(`Saved the email of step ${stage.step} (email ${data.email_id}).${stage.active ? '' : ' Switch the step on to send it.'}`);
        }, {extraButtons: [close(container)]});
    container.replaceChildren(h('section', {class: 'subpanel editor', 'aria-labelledby': 'editor-heading'},
        h('h3', {id: 'editor-heading'}, `Email of step ${stage.step}: ${stage.name}`),
        problem ? h('p', {class: 'hint'}, problem) : null,
        before.html === null ? h('p', {class: 'hint'}, 'No HTML is stored yet: write the email here, or paste it, and save.') : null,
        h('div', {class: 'editor-grid'},
            h('div', {}, editor, placeholderList()),
            h('div', {class: 'preview-pane'}, h('h4', {}, 'Preview'), subjectPreview, preview))));
    update();
    subject.control.focus();
}

export function editSms(container, sequence, stage) {
    const text = field('Text', 'text', {kind: 'textarea', attrs: {rows: 4, maxlength: 1600}, value: stage.text,
        hint: 'At most 1600 characters, kept exactly as typed.'});
    const count = h('p', {class: 'hint', 'aria-live': 'polite'});
    const preview = h('p', {class: 'sms-preview'});
    const update = () => {
        count.textContent = `${text.control.value.length} of 1600 characters`;
        preview.textContent = fill(text.control.value, false);
    };
    text.control.addEventListener('input', update);
    const editor = form(`SMS text of step ${stage.step}`, [text.wrapper, count], 'Save text', async () => {
        const {data} = await rest('PUT', '/v1/sequence-stage-sms', {body: {stage_id: stage.id, text: text.control.value}});
        stage.text = data.text;
        say(`Saved the SMS text of step ${stage.step}.`);
        render();
    }, {extraButtons: [close(container)]});
    container.replaceChildren(h('section', {class: 'subpanel editor', 'aria-labelledby': 'editor-heading'},
        h('h3', {id: 'editor-heading'}, `SMS of step ${stage.step}: ${stage.name}`),
        h('div', {class: 'editor-grid'},
            h('div', {}, editor, placeholderList()),
            h('div', {class: 'preview-pane'}, h('h4', {}, 'Preview'), preview))));
    update();
    text.control.focus();
}
