import fc from 'fast-check';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { graphToSvg, safeColor, type SvgScene } from '../../common/svg';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** Parses with sax in strict mode, which throws on anything that is not well-formed XML. */
function parse(xml: string): Element {
  const parser = sax.parser(true, { xmlns: false });
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const node: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => void (stack.at(-1)!.text += text);
  parser.write(xml).close();
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}

/** Descendants named `name`, or every descendant for '*', in document order. */
function all(element: Element, name: string): Element[] {
  return element.children.flatMap((child) => [
    ...(name === '*' || child.name === name ? [child] : []),
    ...all(child, name),
  ]);
}

/** XML 1.0's Char production: what a well-formed document may contain at all. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const node = (id: string, x: number, y: number, label = id): SvgScene['nodes'][number] => ({
  id,
  x,
  y,
  width: 40,
  height: 30,
  shape: 'ellipse',
  fill: '#ffcc00',
  border: '#333',
  borderWidth: 2,
  label,
  labelColor: 'rgb(10, 20, 30)',
  fontSize: 12,
});

const scene = (overrides: Partial<SvgScene> = {}): SvgScene => ({
  width: 400,
  height: 300,
  background: '#fff',
  nodes: [node('ETH:0xa', 100, 100), node('ETH:0xb', 300, 200)],
  edges: [
    {
      id: 'ETH:0xa>ETH:0xb>1',
      points: [
        { x: 120, y: 110 },
        { x: 280, y: 190 },
      ],
      color: '#0000ff',
      width: 2,
      arrow: true,
      label: '1.5 ETH',
    },
  ],
  title: 'Case 7',
  ...overrides,
});

describe('graphToSvg', () => {
  it('writes a standalone SVG with viewBox, markers, edges under nodes and labels below nodes', () => {
    const svg = parse(graphToSvg(scene()));
    expect(svg.name).toBe('svg');
    expect(svg.attributes).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      version: '1.1',
      viewBox: '0 0 400 300',
      width: '400',
      height: '300',
    });
    expect(all(svg, 'title')[0]?.text).toBe('Case 7');
    const markers = all(svg, 'marker');
    expect(markers).toHaveLength(1);
    expect(all(markers[0]!, 'path')[0]?.attributes.fill).toBe('#0000ff');

    const groups = svg.children.filter((child) => child.name === 'g').map((g) => g.attributes.class);
    expect(groups).toEqual(['edges', 'nodes']);
    const path = all(svg, 'path').find((p) => p.attributes.stroke === '#0000ff')!;
    expect(path.attributes).toMatchObject({
      d: 'M120,110 L280,190',
      'marker-end': `url(#${markers[0]!.attributes.id})`,
    });

    const ellipses = all(svg, 'ellipse');
    expect(ellipses.map((e) => [e.attributes.cx, e.attributes.cy, e.attributes.rx, e.attributes.ry])).toEqual([
      ['100', '100', '20', '15'],
      ['300', '200', '20', '15'],
    ]);
    const nodeGroups = all(svg, 'g').filter((g) => g.attributes.class === 'node');
    for (const [i, group] of nodeGroups.entries()) {
      const texts = all(group, 'text');
      // Halo first (outlined in the background colour), then the text on top, both below the node.
      expect(texts).toHaveLength(2);
      expect(texts[0]!.attributes.stroke).toBe('#fff');
      expect(texts[1]!.attributes.fill).toBe('rgb(10,20,30)');
      expect(Number(texts[1]!.attributes.y)).toBeGreaterThan(Number(ellipses[i]!.attributes.cy) + 15);
      expect(texts[1]!.text).toBe(i === 0 ? 'ETH:0xa' : 'ETH:0xb');
    }
    const edgeText = all(
      all(svg, 'g').find((g) => g.attributes.class === 'edge')!,
      'text',
    );
    expect(edgeText.map((t) => t.text)).toEqual(['1.5 ETH', '1.5 ETH']);
    expect([edgeText[1]!.attributes.x, edgeText[1]!.attributes.y]).toEqual(['200', '150']);
  });

  it('draws each shape, and one marker per arrow colour', () => {
    const shapes = ['ellipse', 'round-rectangle', 'diamond', 'hexagon', 'rectangle'] as const;
    const edge = (color: string, arrow: boolean) => ({
      id: `${color}${arrow}`,
      points: [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ],
      color,
      width: 1,
      arrow,
      label: '',
    });
    const svg = parse(
      graphToSvg(
        scene({
          nodes: shapes.map((shape, i) => ({ ...node(`n${i}`, i * 50, 20), shape })),
          edges: [edge('#f00', true), edge('#F00', true), edge('#0f0', true), edge('#00f', false)],
        }),
      ),
    );
    expect(all(svg, 'marker')).toHaveLength(2);
    expect(all(svg, 'ellipse')).toHaveLength(1);
    expect(all(svg, 'rect').filter((r) => r.attributes.rx !== undefined)).toHaveLength(1);
    // The background and the plain rectangle have no rounded corners.
    expect(all(svg, 'rect').filter((r) => r.attributes.rx === undefined)).toHaveLength(2);
    expect(all(svg, 'polygon').map((p) => p.attributes.points!.split(' ').length)).toEqual([4, 6]);
    expect(
      all(svg, 'path').filter((p) => p.attributes['marker-end'] === undefined && p.attributes.stroke),
    ).toHaveLength(1);
    expect(all(svg, 'text')).toHaveLength(10);
  });

  it('shows a malicious label only as text', () => {
    const evil = '<img src=x onerror=alert(1)>"quoted" & \'single\' \u0000\u0007\u001b\u0085end';
    const out = graphToSvg(
      scene({
        nodes: [node('ETH:0xa', 10, 10, evil)],
        edges: [
          {
            id: '"><script>x</script>',
            points: [
              { x: 0, y: 0 },
              { x: 5, y: 5 },
            ],
            color: '#000',
            width: 1,
            arrow: false,
            label: evil,
          },
        ],
        title: evil,
      }),
    );
    expect(out).not.toMatch(/<img|<script/i);
    expect(out).toMatch(XML_CHARS);
    const svg = parse(out);
    const names = new Set(all(svg, '*').map((e) => e.name));
    expect(names.has('img')).toBe(false);
    expect(all(svg, 'script')).toEqual([]);
    const texts = all(svg, 'text').map((t) => t.text);
    const shown = '<img src=x onerror=alert(1)>"quoted" & \'single\' end';
    expect(texts).toEqual([shown, shown, shown, shown]);
    expect(all(svg, 'title').map((t) => t.text)).toEqual([shown, '"><script>x</script>', 'ETH:0xa']);
    for (const element of all(svg, 'text'))
      expect(Object.keys(element.attributes).some((a) => /^on/i.test(a))).toBe(false);
  });

  it('replaces colours it does not accept with defaults', () => {
    expect(safeColor('#ABC', 'x')).toBe('#abc');
    expect(safeColor('#a1b2c3', 'x')).toBe('#a1b2c3');
    expect(safeColor(' rgb( 1 , 2,3 ) ', 'x')).toBe('rgb(1,2,3)');
    for (const bad of ['red', 'rgb(256,0,0)', '#abcd', 'url(#x)', '#fff" onload="alert(1)', 'rgba(0,0,0,1)', '']) {
      expect(safeColor(bad, 'fallback')).toBe('fallback');
    }
    const out = graphToSvg(
      scene({
        background: 'url(javascript:alert(1))',
        nodes: [{ ...node('a', 1, 1), fill: 'expression(x)', border: '"' }],
      }),
    );
    expect(out).not.toMatch(/javascript|expression/);
    parse(out);
  });

  it('writes only finite numbers rounded to 2 decimals', () => {
    const out = graphToSvg(
      scene({
        width: Number.NaN,
        height: Infinity,
        nodes: [
          { ...node('a', 1 / 3, -Infinity), width: -5, height: 2e300, fontSize: Number.NaN, borderWidth: 1.23456 },
        ],
        edges: [
          {
            id: 'e',
            points: [
              { x: 1e-9, y: 2.005 },
              { x: Number.NaN, y: 1 },
              { x: 1e25, y: -0.0001 },
            ],
            color: '#000',
            width: Infinity,
            arrow: true,
            label: 'x',
          },
        ],
      }),
    );
    const svg = parse(out);
    const numeric = ['x', 'y', 'cx', 'cy', 'rx', 'ry', 'width', 'height', 'stroke-width', 'font-size'];
    for (const element of all(svg, '*').concat(svg)) {
      for (const name of numeric) {
        const value = element.attributes[name];
        if (value !== undefined) expect(value).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }
    }
    for (const path of all(svg, 'path')) expect(path.attributes.d).not.toMatch(/NaN|Infinity|e/);
    expect(out).not.toMatch(/NaN|Infinity|\de[+-]?\d/);
  });

  it('is well-formed XML with the label as its text for any unicode label', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({
          unit: fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u001f', '\ud800', '\udfff', '\ufffe', 'a'),
          maxLength: 20,
        }),
        (label, tricky) => {
          const text = label + tricky;
          const out = graphToSvg(scene({ nodes: [node('ETH:0xa', 5, 5, text)], title: text }));
          expect(out).toMatch(XML_CHARS);
          const svg = parse(out);
          const expected = [...text]
            .map((c) => (/[\t\n\r]/.test(c) ? ' ' : c))
            .filter((c) => {
              const code = c.codePointAt(0)!;
              return !(
                code < 0x20 ||
                (code >= 0x7f && code <= 0x9f) ||
                (code >= 0xd800 && code <= 0xdfff) ||
                (code >= 0xfffe && code <= 0xffff)
              );
            })
            .join('');
          expect(all(svg, 'title')[0]!.text).toBe(expected);
          const nodeGroup = all(svg, 'g').find((g) => g.attributes.class === 'node')!;
          expect(all(nodeGroup, 'text').map((t) => t.text)).toEqual(expected === '' ? [] : [expected, expected]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
