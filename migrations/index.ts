// The ordered list of migrations (imported classes, so it works from ts and from dist alike).
// Names follow the rollout guide's scripts, in its order.
import { Migration20251201000000_initial_schema } from './Migration20251201000000_initial_schema';
import { Migration20251201000001_add_phase6_p3_fields } from './Migration20251201000001_add_phase6_p3_fields';
import { Migration20251201000002_add_performance_indexes } from './Migration20251201000002_add_performance_indexes';
import { Migration20251201000003_add_ab_test_results } from './Migration20251201000003_add_ab_test_results';
import { Migration20251202000000_add_run_execution_lease } from './Migration20251202000000_add_run_execution_lease';
import { Migration20251203000000_add_replay_campaigns } from './Migration20251203000000_add_replay_campaigns';
import { Migration20251204000000_add_feature_flag_overrides } from './Migration20251204000000_add_feature_flag_overrides';
import { Migration20251205000000_add_phase_metrics_run_created_id_index } from './Migration20251205000000_add_phase_metrics_run_created_id_index';
import { Migration20251205000000_add_run_version } from './Migration20251205000000_add_run_version';
import { Migration20251206000000_add_phase_metrics_phase_created_id_index } from './Migration20251206000000_add_phase_metrics_phase_created_id_index';

export const MIGRATIONS = [
  { name: 'Migration20251201000000_initial_schema', class: Migration20251201000000_initial_schema },
  { name: 'Migration20251201000001_add_phase6_p3_fields', class: Migration20251201000001_add_phase6_p3_fields },
  { name: 'Migration20251201000002_add_performance_indexes', class: Migration20251201000002_add_performance_indexes },
  { name: 'Migration20251201000003_add_ab_test_results', class: Migration20251201000003_add_ab_test_results },
  { name: 'Migration20251202000000_add_run_execution_lease', class: Migration20251202000000_add_run_execution_lease },
  { name: 'Migration20251203000000_add_replay_campaigns', class: Migration20251203000000_add_replay_campaigns },
  { name: 'Migration20251204000000_add_feature_flag_overrides', class: Migration20251204000000_add_feature_flag_overrides },
  { name: 'Migration20251205000000_add_phase_metrics_run_created_id_index', class: Migration20251205000000_add_phase_metrics_run_created_id_index },
  { name: 'Migration20251205000000_add_run_version', class: Migration20251205000000_add_run_version },
  { name: 'Migration20251206000000_add_phase_metrics_phase_created_id_index', class: Migration20251206000000_add_phase_metrics_phase_created_id_index },
];
