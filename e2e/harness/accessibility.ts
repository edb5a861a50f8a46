/**
 * Finding Counterpoint's controls as a screen reader does: by role and accessible name in the
 * browser's accessibility tree (Chrome DevTools Protocol). This reaches into closed shadow roots,
 * which page scripts — and Playwright's locators — cannot.
 */
import type { CDPSession, Page } from 'playwright-core';
import { settledCenter } from './layout';

/** One node of the accessibility tree. */
export interface AxNode {
  nodeId: string;
  backendDOMNodeId?: number;
  role?: { value?: string };
  name?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
  childIds?: string[];
  ignored?: boolean;
}

/** Accessibility queries on one page. */
export interface AccessibilityProbe {
  /** Nodes with this role whose name matches. */
  find(role: string, name?: string | RegExp): Promise<AxNode[]>;
  /** Like find, but waits until at least one exists. */
  waitFor(role: string, name?: string | RegExp, timeoutMs?: number): Promise<AxNode>;
  /** Nodes below another node (e.g. the links of a dialog). */
  within(ancestor: AxNode, role: string, name?: string | RegExp): Promise<AxNode[]>;
  /** The focused node. */
  focused(): Promise<AxNode | undefined>;
  /** Clicks the middle of a node. */
  click(node: AxNode): Promise<void>;
  /** Moves keyboard focus to a node. */
  focus(node: AxNode): Promise<void>;
  /** The node's box in viewport coordinates. */
  box(node: AxNode): Promise<{ x: number; y: number; width: number; height: number }>;
  detach(): Promise<void>;
}

function matches(node: AxNode, role: string, name?: string | RegExp): boolean {
  if (node.ignored || node.role?.value !== role) return false;
  if (name === undefined) return true;
  const actual = node.name?.value ?? '';
  return typeof name === 'string' ? actual === name : name.test(actual);
}

/** Opens a probe on a page. */
export async function probeAccessibility(page: Page): Promise<AccessibilityProbe> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');

  /**
   * A world of the harness's own in the page, where the page's scripts (a hostile page's
   * included) cannot patch what the clicks read: made when first needed, again after the page
   * navigated and its worlds went.
   */
  let harnessWorld: number | null = null;
  const inHarnessWorld = async (backendNodeId: number | undefined): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      if (harnessWorld === null) {
        const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
          frameTree: { frame: { id: string } };
        };
        const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'counterpoint-test-harness',
        })) as { executionContextId: number };
        harnessWorld = executionContextId;
      }
      try {
        const { object } = (await cdp.send('DOM.resolveNode', {
          backendNodeId,
          executionContextId: harnessWorld,
        })) as { object: { objectId: string } };
        return object.objectId;
      } catch (error) {
        if (attempt > 0 || !/context/i.test(String(error))) throw error;
        harnessWorld = null;
      }
    }
  };

  const tree = async (): Promise<AxNode[]> => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes;
  };
  /**
   * Acts on a node; if the page has just re-rendered it (the extension repaints its markers after
   * a save), acts on its replacement with the same role and name instead, as a reader would.
   */
  const onCurrentNode = async (
    node: AxNode,
    act: (current: AxNode) => Promise<void>,
  ): Promise<void> => {
    try {
      await act(node);
      return;
    } catch (error) {
      if (!String(error).includes('detached') && !String(error).includes('No node')) throw error;
    }
    const role = node.role?.value ?? '';
    const name = node.name?.value;
    const replacement = await probe.waitFor(role, name);
    await act(replacement);
  };

  const probe: AccessibilityProbe = {
    async find(role, name) {
      return (await tree()).filter((node) => matches(node, role, name));
    },
    async waitFor(role, name, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const [found] = await probe.find(role, name);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`No ${role} named ${String(name)} appeared`);
    },
    async within(ancestor, role, name) {
      const nodes = await tree();
      const byId = new Map(nodes.map((node) => [node.nodeId, node]));
      const found: AxNode[] = [];
      const start = byId.get(ancestor.nodeId) ?? ancestor;
      const stack = [...(start.childIds ?? [])];
      while (stack.length > 0) {
        const node = byId.get(stack.pop() as string);
        if (!node) continue;
        if (matches(node, role, name)) found.push(node);
        stack.push(...(node.childIds ?? []));
      }
      return found;
    },
    async focused() {
      // The document itself reports focus too; the focused control is the deepest one.
      const focused = (await tree()).filter(
        (node) =>
          node.role?.value !== 'RootWebArea' &&
          node.properties?.some((p) => p.name === 'focused' && p.value.value === true),
      );
      return focused.at(-1);
    },
    async box(node) {
      // A popover is in the tree a moment before it is laid out, and a re-render replaces its
      // node: retry briefly, finding the control again by role and name.
      const deadline = Date.now() + 3000;
      let current = node;
      for (;;) {
        try {
          const { model } = (await cdp.send('DOM.getBoxModel', {
            backendNodeId: current.backendDOMNodeId,
          })) as { model: { border: number[] } };
          const [x1 = 0, y1 = 0, x2 = 0, , , y3 = 0] = model.border;
          return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
        } catch (error) {
          const message = String(error);
          const retryable = /box model|detached|No node/.test(message);
          if (!retryable || Date.now() > deadline) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        const [again] = await probe.find(node.role?.value ?? '', node.name?.value);
        if (again) current = again;
      }
    },
    async click(node) {
      await onCurrentNode(node, async (current) => {
        // To the middle of the viewport: "if needed" leaves a control at the top edge, under the
        // site's sticky header, which would take the click.
        const objectId = await inHarnessWorld(current.backendDOMNodeId);
        const { result } = (await cdp.send('Runtime.callFunctionOn', {
          objectId,
          functionDeclaration: String(settledCenter),
          arguments: [{ objectId }, { value: 'center' }],
          awaitPromise: true,
          returnByValue: true,
        })) as { result: { value?: [number, number] } };
        await cdp.send('Runtime.releaseObject', { objectId });
        const [x, y] = result.value ?? [Number.NaN, Number.NaN];
        if (Number.isNaN(x) || Number.isNaN(y)) throw new Error('the control has no box');
        await page.mouse.click(x, y);
      });
    },
    async focus(node) {
      await onCurrentNode(node, (current) =>
        cdp.send('DOM.focus', { backendNodeId: current.backendDOMNodeId }).then(() => undefined),
      );
    },
    async detach() {
      await cdp.detach();
    },
  };
  return probe;
}

/** Whether the accessibility tree says a node is expanded (`aria-expanded="true"`). */
export function isExpanded(node: AxNode): boolean {
  return node.properties?.some((p) => p.name === 'expanded' && p.value.value === true) ?? false;
}
