// ESLint flat config: typescript-eslint, React, hooks, jsx-a11y, sorted imports.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".cache/", "node_modules/", "tests/.tmp/", "bench-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-sequences": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "simple-import-sort/imports": [
        "error",
        { groups: [["^\\u0000"], ["^node:"], ["^@?\\w"], ["^~/", "^\\.\\./", "^\\./"]] },
      ],
      "simple-import-sort/exports": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@remix-run/react",
              importNames: ["Link", "NavLink", "Form"],
              message:
                "Link and NavLink from ~/components/link, Form from ~/components/form: plain HTML on pages without scripts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react },
    languageOptions: react.configs.flat.recommended.languageOptions,
    settings: { react: { version: "18" } },
    rules: { ...react.configs.flat.recommended.rules, ...react.configs.flat["jsx-runtime"].rules },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "react/prop-types": "off",
      // Dutch text is full of apostrophes and quotation marks ("regio's"); only the characters that are JSX typos stay forbidden.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
      // A scrollable table region must be reachable by keyboard (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"] }],
    },
  },
);
