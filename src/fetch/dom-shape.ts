// The few DOM members the extractor uses. The project compiles without the DOM
// lib (it is a Node service), and linkedom's nodes satisfy this shape.

export interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes?: ArrayLike<DomNode>;
  parentNode?: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

export interface DomDocument {
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}
