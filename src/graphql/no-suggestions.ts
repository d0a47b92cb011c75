// In production no error suggests a name ("Did you mean ...?"): a prober would read the schema out of the
// suggestions, enum values included. graphql-armor's and Apollo's own masks match only validation errors
// of the form `Did you mean "x"?`; "Did you mean the enum value ...?" (a literal, or a variable coerced at
// execution) passed both.
import type { BaseContext } from '@apollo/server';
import type { RequestHooks } from './request-hooks';

const SUGGESTION = / ?Did you mean [^?]*\?/g;

export const hideSuggestions: RequestHooks<BaseContext> = {
  didEncounterErrors({ errors }) {
    for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
  },
};
