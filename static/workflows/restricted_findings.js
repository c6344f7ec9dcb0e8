/*
 * Marks the fields of the page editor that hold restricted-information findings, and makes each
 * finding in the Review tab show its field.
 *
 * The findings come from the "Restricted information" panel (elements with
 * data-restricted-finding and data-restricted-own-language). A finding names its field:
 *   data-restricted-target="field"   a top-level field (title, lead, seo_title, ...): the
 *                                    wrapper of [data-field][data-contentpath="<name>"];
 *   data-restricted-target="stream"  block N of a StreamField: the [data-streamfield-child] with
 *                                    the block's id, else the Nth child of the stream;
 *   data-restricted-target="inline"  row N of an inline panel: #inline_child_<name>-<N>, and the
 *                                    sub-field in it when there is one.
 * StreamField blocks are drawn by Wagtail's script after the page loads, so unresolved findings
 * are retried while the form changes, for a few seconds.
 */
(() => {
  'use strict';

  const TARGET_CLASS = 'restricted-finding-target';
  const MARKER_CLASS = 'restricted-finding-marker';
  const RETRY_MS = 10000;
  const VISIBLE_WAIT_MS = 2000;
  // The field itself first; a block's toggle button only when it has no field.
  const FOCUS_ORDER = [
    '[contenteditable="true"]',
    'textarea',
    'input:not([type="hidden"])',
    'select',
    'button',
  ];

  const escape = (value) => (window.CSS && CSS.escape ? CSS.escape(value) : value);

  const editForm = () =>
    document.querySelector('[data-edit-form]') ||
    document.querySelector('form#page-edit-form') ||
    document.body;

  function topLevelField(root, name) {
    const selector = `[data-field][data-contentpath="${escape(name)}"]`;
    for (const field of root.querySelectorAll(selector)) {
      const nested =
        (field.parentElement && field.parentElement.closest('[data-contentpath]')) ||
        field.closest('[data-inline-panel-child]');
      if (!nested) return field;
    }
    return null;
  }

  const wrapperOf = (field) => field.closest('[data-field-wrapper]') || field;

  function isDeleted(child) {
    const deleted = child.querySelector(':scope > input[name$="-deleted"]');
    return Boolean(deleted && deleted.value);
  }

  function streamChild(root, item) {
    const field = topLevelField(root, item.dataset.restrictedField);
    if (!field) return null;
    const blockId = item.dataset.restrictedBlockId;
    if (blockId) {
      const byId = field.querySelector(
        `[data-streamfield-child][data-contentpath="${escape(blockId)}"]`,
      );
      if (byId) return byId;
    }
    const container = field.querySelector('[data-streamfield-stream-container]');
    if (!container) return null;
    const children = Array.from(container.children).filter(
      (child) => child.matches('[data-streamfield-child]') && !isDeleted(child),
    );
    return children[Number(item.dataset.restrictedIndex)] || null;
  }

  function inlineChild(item) {
    const { restrictedField: name, restrictedIndex: index, restrictedSubfield: sub } =
      item.dataset;
    const child = document.getElementById(`inline_child_${name}-${index}`);
    if (!child) return null;
    if (sub) {
      const field = child.querySelector(`[data-field][data-contentpath="${escape(sub)}"]`);
      if (field) return wrapperOf(field);
    }
    return child;
  }

  function resolve(item) {
    const root = editForm();
    switch (item.dataset.restrictedTarget) {
      case 'stream':
        return streamChild(root, item);
      case 'inline':
        return inlineChild(item) || resolveField(root, item);
      default:
        return resolveField(root, item);
    }
  }

  function resolveField(root, item) {
    const field = topLevelField(root, item.dataset.restrictedField);
    return field ? wrapperOf(field) : null;
  }

  function mark(target, text) {
    target.classList.add(TARGET_CLASS);
    let marker = target.querySelector(`:scope > .${MARKER_CLASS}`);
    if (!marker) {
      marker = document.createElement('p');
      marker.className = MARKER_CLASS;
      marker.dataset.restrictedTexts = '';
      target.prepend(marker);
    }
    const texts = marker.dataset.restrictedTexts ? marker.dataset.restrictedTexts.split('\n') : [];
    if (!texts.includes(text)) {
      texts.push(text);
      marker.dataset.restrictedTexts = texts.join('\n');
      marker.textContent = texts.join('; ');
    }
  }

  const findings = () =>
    Array.from(document.querySelectorAll('[data-restricted-finding][data-restricted-own-language]'));

  function markAll(pending) {
    return pending.filter((item) => {
      const target = resolve(item);
      if (!target) return true;
      mark(target, item.dataset.restrictedMarker);
      return false;
    });
  }

  function openContainers(target) {
    const panel = target.closest('[role="tabpanel"]');
    if (panel && panel.id) {
      const tab =
        document.querySelector(`[role="tab"][aria-controls="${escape(panel.id)}"]`) ||
        document.querySelector(`[role="tab"][href="#${escape(panel.id)}"]`);
      if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
    }
    const sections = [];
    const own = target.querySelector(':scope > [data-panel]');
    if (own) sections.push(own);
    let section = target.closest('[data-panel]');
    while (section) {
      sections.push(section);
      section = section.parentElement ? section.parentElement.closest('[data-panel]') : null;
    }
    sections.forEach((panelSection) => {
      const toggle = panelSection.querySelector(':scope > .w-panel__header [data-panel-toggle]');
      if (toggle && toggle.getAttribute('aria-expanded') === 'false') toggle.click();
    });
  }

  function show(event) {
    const link = event.target.closest('[data-restricted-show]');
    if (!link) return;
    const item = link.closest('[data-restricted-finding]');
    const target = item && resolve(item);
    if (!target) return; // the link's own href still opens the right tab
    event.preventDefault();
    openContainers(target);
    // Wagtail shows the selected tab after a transition: wait until the field is visible.
    whenVisible(target, () => {
      // Not smooth: the tab's own transition would cut a smooth scroll short.
      target.scrollIntoView({ behavior: 'instant', block: 'center' });
      const focusable = FOCUS_ORDER.map((selector) => target.querySelector(selector)).find(
        Boolean,
      );
      if (focusable) focusable.focus({ preventScroll: true });
    });
  }

  function whenVisible(element, callback) {
    const started = Date.now();
    const check = () => {
      if (element.getClientRects().length || Date.now() - started > VISIBLE_WAIT_MS) {
        callback();
      } else {
        window.requestAnimationFrame(check);
      }
    };
    check();
  }

  function start() {
    let pending = markAll(findings());
    document.addEventListener('click', show);
    if (!pending.length || !window.MutationObserver) return;
    const observer = new MutationObserver(() => {
      pending = markAll(pending);
      if (!pending.length) observer.disconnect();
    });
    observer.observe(editForm(), { childList: true, subtree: true });
    window.setTimeout(() => observer.disconnect(), RETRY_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
