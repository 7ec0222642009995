/**
 * The extension pages' one way to the clipboard (popup, reader): writes a
 * citation as plain text and, when it has formatting (APA's italics), as HTML
 * too so a word processor keeps it. Falls back to plain text, then to the
 * older copy command (older engines, or a lost user activation).
 */
export async function copyToClipboard(text: string, html: string | null = null): Promise<void> {
  if (html && typeof ClipboardItem !== 'undefined') {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Rich clipboard refused: plain text below still carries the citation.
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    // Older engines, or a page without focus: a hidden textarea and the copy command.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    if (!ok) throw error;
  }
}
