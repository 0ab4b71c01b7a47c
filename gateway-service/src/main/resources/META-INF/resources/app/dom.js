// DOM building with createElement: every text from the API goes in as a text node (textContent), never as markup.

let ids = 0;

/** A unique id for a label's `for`, an error's `aria-describedby`. */
export function uid(prefix) {
    ids += 1;
    return `${prefix}-${ids}`;
}

/**
 * h('button', {type: 'button', class: 'x', on: {click: fn}}, 'text', child...): an element. Attributes are set with
 * setAttribute (false/null/undefined leave them out, true sets them empty); `on` adds listeners; `props` sets
 * properties (value, checked); children are nodes or strings (text nodes).
 */
export function h(tag, attrs = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (name === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                element.addEventListener(event, handler);
            }
        } else if (name === 'props') {
            Object.assign(element, value);
        } else if (value === true) {
            element.setAttribute(name, '');
        } else if (value !== false && value !== null && value !== undefined) {
            element.setAttribute(name, String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

/** "1 day", "3 weeks". */
export function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** An API instant (UTC, "YYYY-MM-DD HH:MM:SS") as shown: with its zone. */
export function utc(value) {
    return value ? `${value} UTC` : '—';
}
