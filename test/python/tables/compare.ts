// Compares model snapshots with oracle snapshots, scenario by scenario, step by step.

export interface Agreement {
  scenarios: number;
  scenariosAgreeing: number;
  snapshots: number;
  snapshotsAgreeing: number;
  /** The first disagreements, each with the op that led to it (for the failure message). */
  firstMismatches: string[];
}

export function compareScenarios<Op, Snapshot>(
  scenarios: readonly (readonly Op[])[],
  ours: readonly (readonly Snapshot[])[],
  theirs: readonly (readonly Snapshot[])[],
  opOfSnapshot: (scenario: readonly Op[], index: number) => Op | undefined,
): Agreement {
  const agreement: Agreement = { scenarios: 0, scenariosAgreeing: 0, snapshots: 0, snapshotsAgreeing: 0, firstMismatches: [] };
  scenarios.forEach((scenario, scenarioIndex) => {
    const mine = ours[scenarioIndex]!;
    const real = theirs[scenarioIndex]!;
    agreement.scenarios++;
    let scenarioAgrees = mine.length === real.length;
    real.forEach((snapshot, index) => {
      agreement.snapshots++;
      const same = JSON.stringify(mine[index]) === JSON.stringify(snapshot);
      if (same) {
        agreement.snapshotsAgreeing++;
        return;
      }
      if (scenarioAgrees && agreement.firstMismatches.length < 3) {
        agreement.firstMismatches.push(
          `scenario ${scenarioIndex} step ${index} after ${JSON.stringify(opOfSnapshot(scenario, index))}:\n` +
            `  ours    ${JSON.stringify(mine[index])}\n  CPython ${JSON.stringify(snapshot)}`,
        );
      }
      scenarioAgrees = false;
    });
    if (scenarioAgrees) agreement.scenariosAgreeing++;
  });
  return agreement;
}

export function describeAgreement(label: string, agreement: Agreement): string {
  return (
    `${label}: scenarios ${agreement.scenariosAgreeing}/${agreement.scenarios}, ` +
    `snapshots ${agreement.snapshotsAgreeing}/${agreement.snapshots}`
  );
}
