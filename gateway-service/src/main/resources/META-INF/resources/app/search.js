import {rest} from './api.js';
import {h, utc} from './dom.js';
import {field, form, showRefusal, value} from './forms.js';
import {focusHeading} from './main.js';
import {describeWaiting} from './contacts.js';

export async function renderSearch(view) {
    const results = h('div', {class: 'listing', id: 'search-results'});
    const email = field('Email', 'email', {attrs: {type: 'email', autocomplete: 'off'}});
    const contactId = field('Contact id', 'contact_id', {attrs: {inputmode: 'numeric', autocomplete: 'off'}});
    const search = form('Find a contact\'s sequences', [h('div', {class: 'inline'}, email.wrapper, contactId.wrapper),
        h('p', {class: 'hint'}, 'One of them, or both (then the contact must match both). With a contact id, its progress in each sequence is shown too.')],
    'Search', async (element) => {
        const query = {email: value(element, 'email'), contact_id: value(element, 'contact_id')};
        if (!query.email && !query.contact_id) {
            showRefusal(element, {message: 'Give an email address or a contact id.', fields: {email: ['Give an email address or a contact id.']}});
            return;
        }
        const {data} = await rest('GET', '/v1/contacts-sequences', {query});
        const progress = query.contact_id
            ? await Promise.all(data.map((sequence) => rest('GET', '/v1/contact-sequence',
                {query: {contact_id: query.contact_id, sequence_id: sequence.id}}).then((answer) => answer.data, () => null)))
            : [];
        if (!view.current()) {
            return;
        }
        if (data.length === 0) {
            results.replaceChildren(h('p', {}, 'This contact is in no sequence now.'));
            return;
        }
        results.replaceChildren(h('ul', {class: 'sequences'}, data.map((sequence, index) => {
            const p = progress[index];
            return h('li', {class: 'sequence-item'},
                h('div', {class: 'sequence-names'},
                    h('a', {href: `#/sequences/${sequence.id}/contacts`, class: 'sequence-name'}, sequence.name),
                    h('span', {class: 'id'}, `id ${sequence.id}`)),
                p ? h('span', {class: 'progress'}, `${p.state}, step ${p.step ?? '—'}, next due ${utc(p.next_due_at)}, waiting for ${describeWaiting(p.waiting_for)}`)
                    : h('span', {class: 'created'}, `created ${sequence.created_at} UTC`));
        })));
    });
    view.main.append(h('h1', {}, 'Find a contact'),
        h('section', {class: 'panel', 'aria-labelledby': 'search-heading'}, h('h2', {id: 'search-heading'}, 'A contact\'s sequences'), search),
        h('section', {'aria-labelledby': 'results-heading'}, h('h2', {id: 'results-heading'}, 'Results'), results));
    focusHeading(view);
}
