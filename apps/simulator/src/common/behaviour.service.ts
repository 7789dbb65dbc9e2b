import { Inject, Injectable } from '@nestjs/common';
import {
  mergeBehaviour,
  ResolvedSimulatorOptions,
  SIM_OPTIONS,
  SimulatorBehaviour,
  SimulatorBehaviourPatch,
} from '../simulator-options.types';

/** The live behaviour knobs; `POST /_sim/config` patches them, reset restores the start values. */
@Injectable()
export class BehaviourService {
  private value: SimulatorBehaviour;

  constructor(@Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions) {
    this.value = options.behaviour;
  }

  get current(): SimulatorBehaviour {
    return this.value;
  }

  update(patch: SimulatorBehaviourPatch): SimulatorBehaviour {
    this.value = mergeBehaviour(this.value, patch);
    return this.value;
  }

  reset(): void {
    this.value = this.options.behaviour;
  }
}
