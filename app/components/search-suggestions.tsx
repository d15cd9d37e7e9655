import { useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";

import { useNonce } from "./nonce";
import { useScriptsRun } from "./page-scripts";
import { enhancementScript, enhanceSearchBox } from "./search-box-enhancement";

interface Props {
  id: string;
  name: string;
  defaultValue?: string;
  placeholder?: string;
  maxLength: number;
}

/**
 * The search box. Without JavaScript it is a plain search field in its form; with it, a combobox with
 * suggestions (`enhanceSearchBox`). The home and search pages send no React, so there a small inline
 * script enhances the field; where React runs (a page reached by an in-app navigation) an effect does.
 */
export function SearchSuggestions({ id, name, defaultValue, placeholder, maxLength }: Props) {
  const navigate = useNavigate();
  const nonce = useNonce();
  const inlineScript = !useScriptsRun();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => enhanceSearchBox(input.current, navigate), [navigate, defaultValue]);
  return (
    // A new query (a link to another search) shows its own words, not what was typed before.
    <div className="search-suggestions" key={defaultValue ?? ""}>
      <input
        ref={input}
        className="utrecht-textbox utrecht-textbox--html-input"
        id={id}
        name={name}
        type="search"
        defaultValue={defaultValue}
        maxLength={maxLength}
        placeholder={placeholder}
      />
      {inlineScript && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: enhancementScript(id) }} />}
    </div>
  );
}
