/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type PhaseMetricsInput = {
  baseTokens?: number;
  createdAt?: string | null | undefined;
  evidenceRequestTokens?: number;
  phaseId: string;
  retrievalTokens?: number;
  runId: string | number;
  secondOpinionTokens?: number;
  /** Optional; when given it must equal the sum of the four categories. */
  totalTokens?: number | null | undefined;
};

export type PhaseState =
  | 'CI_RUNNING'
  | 'COMPLETE'
  | 'EXECUTING'
  | 'FAILED'
  | 'GATE'
  | 'QUEUED'
  | 'SKIPPED';

export type UpdatePhaseInput = {
  /** Why the phase failed (the PHASE_FAILED event's message). */
  failureReason?: string | null | undefined;
  phaseId: string;
  runId: string | number;
  /** QUEUED -> EXECUTING | SKIPPED; EXECUTING -> GATE | CI_RUNNING | COMPLETE | FAILED; GATE -> CI_RUNNING | COMPLETE | FAILED; CI_RUNNING -> COMPLETE | FAILED; FAILED -> EXECUTING (retry) */
  state?: PhaseState | null | undefined;
  /** Tokens used by the phase so far (absolute, not an increment). The run's tokensUsed is the sum over its phases. */
  tokensUsed?: number | null | undefined;
};

export type ExecutorRunPhasesQueryVariables = Exact<{
  id: string | number;
}>;


export type ExecutorRunPhasesQuery = { run: { phases: Array<{ phaseId: string, phaseIndex: number, name: string, description: string | null, state: PhaseState }> } | null };

export type ExecutorUpdatePhaseMutationVariables = Exact<{
  input: UpdatePhaseInput;
}>;


export type ExecutorUpdatePhaseMutation = { updatePhase: { phaseId: string, state: PhaseState } };

export type ExecutorRecordMetricsMutationVariables = Exact<{
  input: Array<PhaseMetricsInput> | PhaseMetricsInput;
}>;


export type ExecutorRecordMetricsMutation = { recordPhaseMetrics: Array<{ id: string }> | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ExecutorRunPhasesDocument = new TypedDocumentString(`
    query ExecutorRunPhases($id: ID!) {
  run(id: $id) {
    phases {
      phaseId
      phaseIndex
      name
      description
      state
    }
  }
}
    `) as unknown as TypedDocumentString<ExecutorRunPhasesQuery, ExecutorRunPhasesQueryVariables>;
export const ExecutorUpdatePhaseDocument = new TypedDocumentString(`
    mutation ExecutorUpdatePhase($input: UpdatePhaseInput!) {
  updatePhase(input: $input) {
    phaseId
    state
  }
}
    `) as unknown as TypedDocumentString<ExecutorUpdatePhaseMutation, ExecutorUpdatePhaseMutationVariables>;
export const ExecutorRecordMetricsDocument = new TypedDocumentString(`
    mutation ExecutorRecordMetrics($input: [PhaseMetricsInput!]!) {
  recordPhaseMetrics(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ExecutorRecordMetricsMutation, ExecutorRecordMetricsMutationVariables>;