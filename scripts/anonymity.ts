// npm run -s anonymity < file — prints the anonymity guard's findings in the text on stdin as JSON;
// exits 1 when one of them blocks (BSN, e-mail, phone, IBAN, postcode, address), 0 otherwise.
import { text } from "node:stream/consumers";

import { blocks, checkAnonymity } from "../app/anonymity/anonymity";

const findings = checkAnonymity(await text(process.stdin));
process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
process.exitCode = blocks(findings) ? 1 : 0;
