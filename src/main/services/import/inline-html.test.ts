import { describe, expect, it } from 'vitest';
import { domWindow, parseHtml } from './dom';
import { parseXml } from './epub/package';
import { collapseInline, inlineFromDom, serializeInline } from './inline-html';

/** What the DOM's own HTML serializer writes for copies of `nodes` in an HTML document's container (a <br> is left to collapseInline). */
function innerHtmlOf(nodes: Node[]): string {
  const container = domWindow().document.createElement('div');
  container.append(...nodes.map((node) => domWindow().document.importNode(node, true)));
  return container.innerHTML;
}

const INLINE =
  'Đà <em>Nẵng &amp; </em>\u00a0<a href="https://vi.wikipedia.org/?a=1&amp;b=&quot;2&quot;" title="x &lt; y\u00a0z">' +
  'cầu <strong>Rồng</strong></a> 1 &lt; 2 &gt; 0<wbr/>, <img data-image="a.png" alt="&quot;Rồng&quot; &amp; Hàn"/>' +
  '<span lang="vi" xml:lang="vi">chợ</span> Hàn';

describe('inlineFromDom and serializeInline', () => {
  it('write an HTML document’s inline nodes as its serializer does', () => {
    const nodes = Array.from(parseHtml(`<p>${INLINE}</p>`).body.firstChild!.childNodes);
    expect(serializeInline(inlineFromDom(nodes).nodes)).toBe(innerHtmlOf(nodes));
  });

  it('write an XHTML document’s inline nodes as HTML, as its serializer does once they are in an HTML document', () => {
    const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>${INLINE}</p></body></html>`;
    const document = parseXml(xhtml, 'application/xhtml+xml')!;
    const nodes = Array.from(document.getElementsByTagName('p')[0]!.childNodes);
    const html = serializeInline(inlineFromDom(nodes).nodes);
    expect(html).toBe(innerHtmlOf(nodes));
    expect(html).toContain('<img data-image="a.png" alt="&quot;Rồng&quot; &amp; Hàn">');
    expect(html).toContain('xml:lang="vi"');
  });

  it('leave the nodes read untouched and tell of images', () => {
    const body = parseHtml('<p> Đà   <b>Nẵng</b><img alt=""> </p>').body;
    const before = body.innerHTML;
    const { nodes, images } = inlineFromDom(Array.from(body.firstChild!.childNodes));
    expect(collapseInline(nodes)).toBe('Đà Nẵng');
    expect(images).toBe(true);
    expect(body.innerHTML).toBe(before);
  });
});
