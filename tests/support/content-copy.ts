import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { FIXTURE_CONTENT, TMP_DIR } from "./paths";

/** A writable copy of the fixture library, to break or extend in one test. */
export function copyFixtureContent() {
  const root = path.join(TMP_DIR, `content-${crypto.randomUUID()}`);
  fs.cpSync(FIXTURE_CONTENT, root, { recursive: true });
  return {
    root,
    write(file: string, text: string) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    },
    read(file: string) {
      return fs.readFileSync(path.join(root, file), "utf8");
    },
    edit(file: string, change: (text: string) => string) {
      this.write(file, change(this.read(file)));
    },
    remove(file: string) {
      fs.rmSync(path.join(root, file));
    },
  };
}
