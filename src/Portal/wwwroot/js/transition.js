// Den Gode Overgang: large pastes and downloads stream instead of travelling as one circuit message.
export function readText(id) {
  const element = document.getElementById(id);
  return new TextEncoder().encode(element ? element.value : '');
}

export function clearText(id) {
  const element = document.getElementById(id);
  if (element) { element.value = ''; }
}

export async function download(fileName, contentType, streamReference) {
  const buffer = await streamReference.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
