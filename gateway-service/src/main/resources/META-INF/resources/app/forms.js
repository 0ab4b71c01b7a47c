// Forms: labelled controls, the API's refusals shown next to the field they name, busy buttons. A refused form
// keeps what was typed: nothing here clears a control.

import {h, uid} from './dom.js';

/**
 * A labelled control. `name` is the API field it sends (refusals naming it are shown under it). kind: 'input'
 * (attrs.type), 'textarea', 'select' (options: [[value, label]]), 'checkbox'.
 */
export function field(label, name, {kind = 'input', attrs = {}, options = [], hint, value} = {}) {
    const id = uid(`f-${name.replace(/[^a-z0-9]/gi, '-')}`);
    const errorId = `${id}-error`;
    const hintId = hint ? `${id}-hint` : null;
    let control;
    if (kind === 'select') {
        control = h('select', {id, name, ...attrs},
            options.map(([optionValue, optionLabel]) => h('option', {value: optionValue}, optionLabel)));
    } else if (kind === 'textarea') {
        control = h('textarea', {id, name, ...attrs});
    } else if (kind === 'checkbox') {
        control = h('input', {id, name, type: 'checkbox', ...attrs});
    } else {
        control = h('input', {id, name, type: 'text', ...attrs});
    }
    if (value !== undefined && value !== null) {
        if (kind === 'checkbox') {
            control.checked = Boolean(value);
        } else {
            control.value = String(value);
        }
    }
    control.dataset.field = name;
    control.dataset.errorId = errorId;
    if (hintId) {
        control.setAttribute('aria-describedby', hintId);
    }
    const error = h('p', {class: 'field-error', id: errorId, hidden: true});
    const labelElement = h('label', {for: id}, label);
    const wrapper = kind === 'checkbox'
        ? h('div', {class: 'field checkbox'}, control, labelElement, hintId && h('p', {class: 'hint', id: hintId}, hint), error)
        : h('div', {class: 'field'}, labelElement, control, hintId && h('p', {class: 'hint', id: hintId}, hint), error);
    return {wrapper, control};
}

/** A form with a form-level error area (role=alert) before its submit row. */
export function form(label, children, submitText, onSubmit, {extraButtons = []} = {}) {
    const formError = h('div', {class: 'form-error', role: 'alert', hidden: true});
    const submit = h('button', {type: 'submit', class: 'primary'}, submitText);
    const element = h('form', {'aria-label': label, novalidate: true},
        children, formError, h('div', {class: 'actions'}, submit, extraButtons));
    element.addEventListener('submit', async (event) => {
        event.preventDefault();
        await run(element, submit, () => onSubmit(element));
    });
    return element;
}

/** Runs a long action with its button disabled and showing progress; shows a refusal next to its fields. */
export async function run(container, button, action) {
    clearErrors(container);
    const label = button ? button.textContent : null;
    if (button) {
        button.disabled = true;
        button.classList.add('working');
        button.setAttribute('aria-disabled', 'true');
    }
    container.setAttribute('aria-busy', 'true');
    try {
        return await action();
    } catch (error) {
        showRefusal(container, error);
        return undefined;
    } finally {
        container.removeAttribute('aria-busy');
        if (button) {
            button.disabled = false;
            button.classList.remove('working');
            button.removeAttribute('aria-disabled');
            button.textContent = label;
        }
    }
}

function clearErrors(container) {
    for (const control of container.querySelectorAll('[data-field]')) {
        control.removeAttribute('aria-invalid');
        const describedBy = (control.getAttribute('aria-describedby') || '').split(' ')
            .filter((id) => id && id !== control.dataset.errorId);
        if (describedBy.length) {
            control.setAttribute('aria-describedby', describedBy.join(' '));
        } else {
            control.removeAttribute('aria-describedby');
        }
    }
    for (const error of container.querySelectorAll('.field-error, .form-error')) {
        error.hidden = true;
        error.textContent = '';
    }
}

/** Shows each field the refusal names under its control; the rest (and the message) in the form's alert area. */
export function showRefusal(container, error) {
    if (!error || error.fields === undefined) {
        throw error;
    }
    const unplaced = [];
    let first = null;
    for (const [name, messages] of Object.entries(error.fields)) {
        const control = container.querySelector(`[data-field="${CSS.escape(name)}"]`);
        if (!control) {
            unplaced.push(...messages);
            continue;
        }
        const message = container.querySelector(`#${CSS.escape(control.dataset.errorId)}`);
        message.textContent = messages.join(' ');
        message.hidden = false;
        control.setAttribute('aria-invalid', 'true');
        const describedBy = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        control.setAttribute('aria-describedby', [...describedBy, control.dataset.errorId].join(' '));
        first = first || control;
    }
    const formError = container.querySelector('.form-error');
    const placed = first !== null;
    const text = placed && unplaced.length === 0 ? `${error.message}` : [error.message, ...unplaced].join(' ');
    if (formError) {
        formError.textContent = placed ? `Not saved: ${text}` : text;
        formError.hidden = false;
    }
    if (first) {
        first.focus();
    }
}

/** The value of a named control, trimmed; '' when empty. */
export function value(formElement, name) {
    const control = formElement.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!control) {
        return '';
    }
    return control.type === 'checkbox' ? control.checked : control.value.trim();
}

/** Asks in the page's modal dialog; resolves true when confirmed. */
export function confirmAction(title, text, confirmText = 'Delete') {
    const dialog = document.getElementById('confirm');
    document.getElementById('confirm-title').textContent = title;
    document.getElementById('confirm-text').textContent = text;
    document.getElementById('confirm-ok').textContent = confirmText;
    const opener = document.activeElement;
    return new Promise((resolve) => {
        dialog.addEventListener('close', () => {
            resolve(dialog.returnValue === 'confirm');
            if (opener && opener.isConnected) {
                opener.focus();
            }
        }, {once: true});
        dialog.returnValue = '';
        dialog.showModal();
        document.getElementById('confirm-cancel').focus();
    });
}
