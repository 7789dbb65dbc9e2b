import { intakeApi, type NumberDto } from '../api/intake.api';
import { numbersConnectApi } from '../api/numbers-connect.api';
import { InlineSetting } from './inline-setting';

/** Changes a number's throughput cap in place (numbers.manage); the api refuses a cap above what the number may send. */
export function CapEditor({ number, onChanged }: { number: NumberDto; onChanged(): void }) {
  return (
    <InlineSetting
      action="Change cap"
      label="Throughput cap (msg/s)"
      initial={String(number.throughputCap)}
      input={{ type: 'number', min: 1, max: 1000, required: true }}
      testId="number-cap"
      save={async (value) => {
        await intakeApi.update(number.id, { throughputCap: Number(value) });
        onChanged();
      }}
    />
  );
}

/** Names a number in Tandem (numbers.manage); an empty name shows the display number again. */
export function NameEditor({ number, onChanged }: { number: NumberDto; onChanged(): void }) {
  return (
    <InlineSetting
      action="Rename"
      label="Name in Tandem"
      initial={number.name ?? ''}
      input={{ maxLength: 80 }}
      testId="number-name"
      save={async (value) => {
        await numbersConnectApi.rename(number.id, value.trim() || null);
        onChanged();
      }}
    />
  );
}
