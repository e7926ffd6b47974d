/**
 * The strongly connected components of a directed graph (Tarjan's algorithm, without recursion so that long call
 * chains cannot exhaust the stack). Nodes in one component reach each other.
 */
export function stronglyConnectedComponents<T>(nodes: readonly T[], edges: (node: T) => Iterable<T>): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const components: T[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: T; successors: Iterator<T> }[] = [];
    const open = (node: T): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, successors: edges(node)[Symbol.iterator]() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: T; successors: Iterator<T> };
      const next = frame.successors.next();
      if (!next.done) {
        const successor = next.value;
        if (!index.has(successor)) open(successor);
        else if (onStack.has(successor)) low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(successor) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: T[] = [];
        let member: T | undefined;
        do {
          member = stack.pop() as T;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
