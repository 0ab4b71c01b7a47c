import {rest} from './api.js';
import {h, plural} from './dom.js';
import {confirmAction, field, form, run, value} from './forms.js';
import {focusHeading, go, say} from './main.js';

const PER_PAGE = 20;

/** The pager under a listing: "Page 1 of 3 (42 sequences)", previous and next. */
export function pager(meta, noun, toPage) {
    const page = meta.current_page;
    const last = Math.max(meta.last_page, 1);
    return h('nav', {class: 'pager', 'aria-label': `Pages of ${noun}s`},
        h('button', {type: 'button', disabled: page <= 1, on: {click: () => toPage(page - 1)}}, 'Previous page'),
        h('span', {class: 'page-info'}, `Page ${page} of ${last} (${plural(meta.total, noun)})`),
        h('button', {type: 'button', disabled: page >= last, on: {click: () => toPage(page + 1)}}, 'Next page'));
}

export async function renderSequences(view) {
    const page = Math.max(1, Number.parseInt(view.query.get('page') || '1', 10) || 1);
    const list = h('div', {class: 'listing', 'aria-live': 'off'});
    const nameField = field('Name', 'name', {attrs: {maxlength: 255, autocomplete: 'off'}});
    const typeField = field('Type', 'type', {kind: 'select', options: [['normal', 'Normal'], ['inverted', 'Inverted']]});
    const create = form('Create a sequence', [nameField.wrapper, typeField.wrapper], 'Create sequence', async (element) => {
        const {data} = await rest('POST', '/v1/sequence', {body: {name: value(element, 'name'), type: value(element, 'type')}});
        say(`Created the sequence “${data.name}” (id ${data.id}).`);
        go(`#/sequences/${data.id}`);
    });
    view.main.append(
        h('h1', {}, 'Sequences'),
        h('section', {'aria-labelledby': 'create-heading', class: 'panel'},
            h('h2', {id: 'create-heading'}, 'Create a sequence'), create),
        h('section', {'aria-labelledby': 'list-heading'},
            h('h2', {id: 'list-heading'}, 'Your sequences'), list));
    focusHeading(view);
    await load(view, list, page);
}

async function load(view, list, page) {
    list.replaceChildren(h('p', {class: 'loading'}, 'Loading the sequences…'));
    let answer;
    try {
        answer = await rest('GET', '/v1/sequences', {query: {page, per_page: PER_PAGE}});
    } catch (error) {
        list.replaceChildren(h('p', {class: 'form-error', role: 'alert'}, error.message));
        return;
    }
    if (!view.current()) {
        return;
    }
    const {data, meta} = answer;
    const toPage = (n) => go(`#/sequences?page=${n}`);
    if (data.length === 0) {
        list.replaceChildren(h('p', {}, meta.total === 0 ? 'No sequence yet: create the first one above.' : 'No sequence on this page.'),
            meta.total > 0 ? pager(meta, 'sequence', toPage) : null);
        return;
    }
    const items = data.map((sequence) => {
        const remove = h('button', {type: 'button', class: 'danger', 'aria-label': `Delete ${sequence.name} (id ${sequence.id})`}, 'Delete');
        const item = h('li', {class: 'sequence-item'},
            h('div', {class: 'sequence-names'},
                h('a', {href: `#/sequences/${sequence.id}`, class: 'sequence-name'}, sequence.name),
                h('span', {class: 'id'}, `id ${sequence.id}`)),
            h('span', {class: 'created'}, `created ${sequence.created_at} UTC`),
            h('div', {class: 'row-actions'},
                h('a', {href: `#/sequences/${sequence.id}/contacts`}, 'Contacts'), remove),
            h('div', {class: 'form-error', role: 'alert', hidden: true}));
        remove.addEventListener('click', () => run(item, remove, async () => {
            if (await deleteSequence(sequence)) {
                await load(view, list, page);
            }
        }));
        return item;
    });
    list.replaceChildren(h('ul', {class: 'sequences'}, items), pager(meta, 'sequence', toPage));
}

/** Asks, saying what goes with the sequence, then deletes it; true when deleted. */
export async function deleteSequence(sequence) {
    const [{data: detail}, {meta}] = await Promise.all([
        rest('GET', '/v1/sequence', {query: {sequence_id: sequence.id}}),
        rest('GET', '/v1/sequences-contacts', {query: {sequence_id: sequence.id, per_page: 1}}),
    ]);
    const emails = detail.stages.filter((stage) => stage.stage_type === 'send_email').length;
    const text = `Deleting “${detail.name}” (id ${detail.id}) also deletes its ${plural(detail.stages.length, 'stage')}`
        + ` with their content (${plural(emails, 'email')} and their stored HTML), and ends the enrollment of`
        + ` ${plural(meta.total, 'contact')} enrolled in it now. This cannot be undone.`;
    if (!await confirmAction(`Delete the sequence “${detail.name}”?`, text, 'Delete sequence')) {
        return false;
    }
    await rest('DELETE', '/v1/sequence', {body: {sequence_id: sequence.id}});
    say(`Deleted the sequence “${detail.name}”, its stages, content and enrollments.`);
    return true;
}
