import {rest} from './api.js';
import {h, plural, uid} from './dom.js';
import {confirmAction, field, form, run, showRefusal, value} from './forms.js';
import {focusHeading, go, render, say} from './main.js';
import {deleteSequence} from './sequences.js';
import {editEmail, editSms} from './editors.js';

const UNITS = {3600: 'hour', 86400: 'day', 604800: 'week'};
const TYPES = {send_email: 'Send an email', send_sms: 'Send an SMS', action: 'Action'};

/** "1 day after the previous step", "at once after enrollment". */
export function delayInWords(stage) {
    const after = stage.step === 1 ? 'enrollment' : 'the previous step';
    if (stage.time_value === 0) {
        return `right after ${after}`;
    }
    return `${plural(stage.time_value, UNITS[stage.time_type] || `${stage.time_type} s`)} after ${after}`;
}

export async function renderSequence(view, id) {
    let sequence;
    try {
        ({data: sequence} = await rest('GET', '/v1/sequence', {query: {sequence_id: id}}));
    } catch (error) {
        view.main.append(h('h1', {}, 'Sequence'), h('p', {class: 'form-error', role: 'alert'},
            error.status === 404 ? `There is no sequence with id ${id} in your account.` : error.message),
        h('p', {}, h('a', {href: '#/sequences'}, 'Back to the sequences')));
        focusHeading(view);
        return;
    }
    if (!view.current()) {
        return;
    }
    document.title = `${sequence.name} · Sequences dashboard`;
    const editor = h('div', {id: 'stage-editor'});
    view.main.append(
        h('p', {class: 'crumbs'}, h('a', {href: '#/sequences'}, 'Sequences'), ' › ', sequence.name),
        h('div', {class: 'title-row'},
            h('div', {},
                h('h1', {}, sequence.name),
                h('p', {class: 'id'}, `id ${sequence.id} · created ${sequence.created_at} UTC`)),
            stateControls(view, sequence)),
        h('section', {'aria-labelledby': 'stages-heading', class: 'panel'},
            h('h2', {id: 'stages-heading'}, 'Steps'),
            stageList(view, sequence, editor),
            editor,
            addStageForm(sequence)),
        h('section', {'aria-labelledby': 'settings-heading', class: 'panel'},
            h('h2', {id: 'settings-heading'}, 'Settings and sending schedule'),
            settingsForm(sequence)));
    focusHeading(view);
}

function stateControls(view, sequence) {
    const status = h('p', {class: `badge ${sequence.paused ? 'paused' : 'running'}`, id: 'sequence-state'},
        sequence.paused ? 'Paused' : 'Running');
    const toggle = h('button', {type: 'button', id: 'pause-sequence'}, sequence.paused ? 'Resume sequence' : 'Pause sequence');
    const remove = h('button', {type: 'button', class: 'danger'}, 'Delete sequence');
    const box = h('div', {class: 'state-controls'}, status, toggle,
        h('a', {href: `#/sequences/${sequence.id}/contacts`, class: 'button-link'}, 'Contacts'), remove,
        h('div', {class: 'form-error', role: 'alert', hidden: true}));
    toggle.addEventListener('click', () => run(box, toggle, async () => {
        const {data} = await rest('PUT', '/v1/sequence', {body: {sequence_id: sequence.id, paused: !sequence.paused}});
        say(data.paused ? 'The sequence is paused: no step runs until it is resumed.'
            : 'The sequence is resumed: what fell due meanwhile runs now.');
        render();
    }));
    remove.addEventListener('click', () => run(box, remove, async () => {
        if (await deleteSequence(sequence)) {
            go('#/sequences');
        }
    }));
    return box;
}

function stageList(view, sequence, editor) {
    if (sequence.stages.length === 0) {
        return h('p', {}, 'No step yet: add the first one below.');
    }
    return h('ol', {class: 'stages'}, sequence.stages.map((stage) => stageItem(sequence, stage, editor)));
}

function stageItem(sequence, stage, editor) {
    const switchId = uid('active');
    const active = h('input', {type: 'checkbox', role: 'switch', id: switchId, 'data-field': 'active',
        'data-error-id': `${switchId}-error`, props: {checked: stage.active}});
    const error = h('p', {class: 'field-error', id: `${switchId}-error`, hidden: true});
    const remove = h('button', {type: 'button', class: 'danger', 'aria-label': `Delete step ${stage.step}, ${stage.name}`}, 'Delete');
    const settings = h('button', {type: 'button', 'aria-label': `Rename or reschedule step ${stage.step}, ${stage.name}`,
        'aria-controls': 'stage-editor', on: {click: () => editStage(editor, stage)}}, 'Name and delay');
    const editLabel = stage.stage_type === 'send_email' ? 'Edit email' : stage.stage_type === 'send_sms' ? 'Edit SMS text' : null;
    const edit = editLabel && h('button', {type: 'button', 'aria-label': `${editLabel} of step ${stage.step}, ${stage.name}`,
        'aria-controls': 'stage-editor'}, editLabel);
    const item = h('li', {class: 'stage', 'data-stage-id': stage.id},
        h('div', {class: 'stage-head'},
            h('h3', {}, `Step ${stage.step}: ${stage.name}`),
            h('span', {class: 'id'}, `stage id ${stage.id}`)),
        h('p', {class: 'stage-facts'},
            h('span', {class: 'stage-type'}, TYPES[stage.stage_type] || stage.stage_type), ' · ',
            h('span', {class: 'delay'}, delayInWords(stage)),
            stage.stage_type === 'send_sms' ? [' · ', h('span', {}, stage.text ? `“${stage.text}”` : 'no text yet')] : null),
        h('div', {class: 'stage-actions'},
            h('div', {class: 'field checkbox switch'}, active, h('label', {for: switchId}, 'Active'), error),
            settings, edit, remove),
        h('div', {class: 'form-error', role: 'alert', hidden: true}));
    active.addEventListener('change', () => {
        const wanted = active.checked;
        run(item, null, async () => {
            active.disabled = true;
            try {
                const {data} = await rest('PUT', '/v1/sequence-stage', {body: {stage_id: stage.id, active: wanted}});
                stage.active = data.active;
                say(`Step ${stage.step} is ${data.active ? 'active: it runs for the enrolled contacts' : 'inactive: it is skipped'}.`);
            } catch (refusal) {
                active.checked = !wanted;
                if (refusal.code === 'STAGE_NOT_READY' && Object.keys(refusal.fields).length === 0) {
                    refusal.fields = {active: [refusal.message]};
                }
                throw refusal;
            } finally {
                active.disabled = false;
            }
        });
    });
    if (edit) {
        edit.addEventListener('click', () => {
            const open = stage.stage_type === 'send_email' ? editEmail : editSms;
            open(editor, sequence, stage);
        });
    }
    remove.addEventListener('click', () => run(item, remove, async () => {
        const goes = stage.stage_type === 'send_email' ? ' and its email content' : '';
        if (!await confirmAction(`Delete step ${stage.step}, “${stage.name}”?`,
            `Deleting this step deletes it${goes}; the later steps move up one place. Contacts waiting for it go on`
            + ' with the next step. This cannot be undone.', 'Delete step')) {
            return;
        }
        await rest('DELETE', '/v1/sequence-stage', {body: {stage_id: stage.id}});
        say(`Deleted step ${stage.step}, “${stage.name}”.`);
        render();
    }));
    return item;
}

function delayFields(stage) {
    const timeValue = field('Delay', 'time_value', {attrs: {type: 'number', min: 0, max: 1000, inputmode: 'numeric'},
        value: stage ? stage.time_value : 1});
    const timeType = field('Unit', 'time_type', {kind: 'select', options: [['3600', 'hours'], ['86400', 'days'], ['604800', 'weeks']],
        value: stage ? String(stage.time_type) : '86400'});
    return h('div', {class: 'inline'}, timeValue.wrapper, timeType.wrapper);
}

/** Renames a step or changes its delay (PUT /v1/sequence-stage). */
function editStage(container, stage) {
    const name = field('Name', 'name', {attrs: {maxlength: 255, autocomplete: 'off'}, value: stage.name});
    const close = h('button', {type: 'button', on: {click: () => container.replaceChildren()}}, 'Close');
    const editor = form(`Name and delay of step ${stage.step}`, [name.wrapper, delayFields(stage),
        h('p', {class: 'hint'}, stage.step === 1 ? 'The delay counts from enrollment.' : 'The delay counts from the previous step.')],
    'Save step', async (element) => {
        const {data} = await rest('PUT', '/v1/sequence-stage', {body: {stage_id: stage.id, name: value(element, 'name'),
            time_value: value(element, 'time_value'), time_type: value(element, 'time_type')}});
        say(`Saved step ${data.step}, “${data.name}”: ${delayInWords(data)}.`);
        render();
    }, {extraButtons: [close]});
    container.replaceChildren(h('section', {class: 'subpanel editor', 'aria-labelledby': 'editor-heading'},
        h('h3', {id: 'editor-heading'}, `Step ${stage.step}: ${stage.name}`), editor));
    name.control.focus();
}

function addStageForm(sequence) {
    const name = field('Name', 'name', {attrs: {maxlength: 255, autocomplete: 'off'}, hint: `Default: Step ${sequence.stages.length + 1}`});
    const type = field('Type', 'stage_type', {kind: 'select', options: Object.entries(TYPES)});
    const delayHint = h('p', {class: 'hint'}, sequence.stages.length === 0 ? 'The delay counts from enrollment.' : 'The delay counts from the previous step.');
    return h('section', {'aria-labelledby': 'add-stage-heading', class: 'subpanel'},
        h('h3', {id: 'add-stage-heading'}, 'Add a step'),
        form('Add a step', [name.wrapper, type.wrapper, delayFields(null), delayHint],
            'Add step', async (element) => {
                const body = {sequence_id: sequence.id, stage_type: value(element, 'stage_type'),
                    time_value: value(element, 'time_value'), time_type: value(element, 'time_type')};
                if (value(element, 'name')) {
                    body.name = value(element, 'name');
                }
                const {data} = await rest('POST', '/v1/sequence-stage', {body});
                say(`Added step ${data.step}, “${data.name}” (inactive until you switch it on).`);
                render();
            }));
}

function settingsForm(sequence) {
    const schedule = sequence.schedule || {};
    const name = field('Name', 'name', {attrs: {maxlength: 255, autocomplete: 'off'}, value: sequence.name});
    const days = field('Days', 'schedule.days', {kind: 'select', options: [['every_day', 'Every day'], ['business_days', 'Business days (Monday to Friday)']], value: schedule.days || 'every_day'});
    const country = field('Skip the public holidays of (country code)', 'schedule.holidays.country',
        {attrs: {maxlength: 2, autocomplete: 'off', size: 4}, value: schedule.holidays && schedule.holidays.country, hint: 'ISO code such as US; empty: holidays are ordinary days.'});
    const subdivision = field('Subdivision', 'schedule.holidays.subdivision',
        {attrs: {autocomplete: 'off', size: 6}, value: schedule.holidays && schedule.holidays.subdivision, hint: 'Optional, e.g. NY.'});
    const open = field('Window opens', 'schedule.window.open', {attrs: {type: 'time'}, value: schedule.window && schedule.window.open});
    const close = field('Window closes', 'schedule.window.close', {attrs: {type: 'time'}, value: schedule.window && schedule.window.close,
        hint: 'In the contact\'s time zone; both empty: any hour.'});
    const timezone = field('Time zone', 'schedule.timezone', {attrs: {autocomplete: 'off', placeholder: 'America/New_York'}, value: schedule.timezone,
        hint: 'IANA name, for contacts without a zone of their own; empty: UTC.'});
    const throttle = field('At most this many contacts start per minute', 'schedule.throttle_per_minute',
        {attrs: {type: 'number', min: 1, max: 10000, inputmode: 'numeric'}, value: schedule.throttle_per_minute, hint: 'Empty: no limit.'});
    const reply = field('Stop a contact\'s sequence when it replies', 'stop_on_reply', {kind: 'checkbox', value: sequence.stop_on_reply});
    const meeting = field('Stop a contact\'s sequence when it books a meeting', 'stop_on_meeting', {kind: 'checkbox', value: sequence.stop_on_meeting});
    return form('Settings and sending schedule', [
        name.wrapper,
        h('fieldset', {}, h('legend', {}, 'When steps may run'),
            days.wrapper, h('div', {class: 'inline'}, country.wrapper, subdivision.wrapper),
            h('div', {class: 'inline'}, open.wrapper, close.wrapper), timezone.wrapper, throttle.wrapper),
        h('fieldset', {}, h('legend', {}, 'Stopping rules'), reply.wrapper, meeting.wrapper),
    ], 'Save settings', async (element) => {
        const windowOpen = value(element, 'schedule.window.open');
        const windowClose = value(element, 'schedule.window.close');
        const holidayCountry = value(element, 'schedule.holidays.country');
        const throttleValue = value(element, 'schedule.throttle_per_minute');
        const body = {
            sequence_id: sequence.id,
            name: value(element, 'name'),
            stop_on_reply: value(element, 'stop_on_reply'),
            stop_on_meeting: value(element, 'stop_on_meeting'),
            schedule: {
                days: value(element, 'schedule.days'),
                holidays: holidayCountry ? {country: holidayCountry, subdivision: value(element, 'schedule.holidays.subdivision') || null} : null,
                window: windowOpen || windowClose ? {open: windowOpen, close: windowClose} : null,
                timezone: value(element, 'schedule.timezone') || null,
                throttle_per_minute: throttleValue === '' ? null : /^[0-9]+$/.test(throttleValue) ? Number(throttleValue) : throttleValue,
            },
        };
        if (!body.schedule.holidays && value(element, 'schedule.holidays.subdivision')) {
            showRefusal(element, {message: 'A subdivision needs its country.', fields: {'schedule.holidays.country': ['Give the country of the subdivision.']}});
            return;
        }
        const {data} = await rest('PUT', '/v1/sequence', {body});
        sequence.name = data.name;
        say('Saved the settings and the sending schedule.');
    });
}
