import JSZip from 'jszip';

/**
 * The text a person could read out of a response body: the body itself, or for a zip (an XLSX workbook, the
 * open-data bundle) the text of every file inside it, zips within zips included. Each part is named for messages.
 */
export async function searchableText(body: Buffer, name = 'body'): Promise<Array<{ name: string; text: string }>> {
  const isZip = body.length > 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
  if (!isZip) return [{ name, text: body.toString('utf8') }];
  const zip = await JSZip.loadAsync(body);
  const parts: Array<{ name: string; text: string }> = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    parts.push(...(await searchableText(await file.async('nodebuffer'), `${name}:${file.name}`)));
  }
  return parts;
}
