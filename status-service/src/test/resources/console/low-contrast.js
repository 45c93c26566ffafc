// Every piece of visible text on the page whose colour against its background is below WCAG AA (4.5:1, or 3:1 for
// large text: 24 px, or 18.66 px bold). Backgrounds are taken from the nearest ancestor that paints one.
const rgba = (css) => {
  const [r, g, b, a = 1] = css.match(/[\d.]+/g).map(Number);
  return { r, g, b, a };
};
const luminance = ({ r, g, b }) => {
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const background = (element) => {
  for (let node = element; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour.a > 0) return colour;
  }
  return { r: 255, g: 255, b: 255, a: 1 };
};
const failures = [];
for (const element of document.body.querySelectorAll("*")) {
  const text = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join("").trim();
  if (!text || element.closest(":disabled") || element.getClientRects().length === 0) continue;
  const style = getComputedStyle(element);
  if (style.visibility !== "visible" || Number(style.opacity) < 1) continue;
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  const [light, dark] = [luminance(rgba(style.color)), luminance(background(element))].sort((a, b) => b - a);
  const ratio = (light + 0.05) / (dark + 0.05);
  if (ratio < (large ? 3 : 4.5)) failures.push(`${element.tagName.toLowerCase()} "${text.slice(0, 40)}": ${ratio.toFixed(2)}`);
}
return failures;
