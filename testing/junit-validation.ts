/**
 * Validates JUnit XML against the common JUnit schema (`testing/junit/junit-10.xsd`, the Jenkins xUnit plugin's)
 * with libxml2 compiled to WebAssembly (`xmllint-wasm`), so the tests need no system `xmllint`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const schema = { fileName: 'junit-10.xsd', contents: readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'junit', 'junit-10.xsd'), 'utf8') };

/** Every schema or well-formedness problem libxml2 reports; an empty list means the document is valid. */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
