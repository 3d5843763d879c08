import { Button, FileButton, Group, List, Stack, Textarea } from '@mantine/core';
import type { ReactElement } from 'react';
import type { ErrorDetail } from '../api/client';

/**
 * The text of a CSV to import, pasted or read from a picked file (read here, in the browser: the file
 * itself is never uploaded, only its text with the request that checks it).
 */
export function CsvField({
  label,
  chooseLabel,
  value,
  onChange,
  testId,
}: {
  label: string;
  chooseLabel: string;
  value: string;
  onChange: (text: string) => void;
  /** `<testId>` on the text, `<testId>-file` on the file button. */
  testId: string;
}): ReactElement {
  return (
    <Stack gap="sm">
      <Group>
        <FileButton accept="text/csv,.csv,text/plain" onChange={async (f) => f && onChange(await f.text())}>
          {(props) => (
            <Button variant="default" {...props} data-testid={`${testId}-file`}>
              {chooseLabel}
            </Button>
          )}
        </FileButton>
      </Group>
      <Textarea
        label={label}
        autosize
        minRows={5}
        maxRows={14}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid={testId}
      />
    </Stack>
  );
}

/** The lines a refused import names, one sentence each (`describe` words them in the reader's language). */
export function LineIssues({
  details,
  describe,
  testId,
}: {
  details: readonly ErrorDetail[];
  describe: (d: ErrorDetail) => string;
  testId: string;
}): ReactElement | null {
  if (details.length === 0) return null;
  return (
    <List size="sm" data-testid={testId} spacing={2}>
      {details.map((d, i) => (
        <List.Item key={i}>{describe(d)}</List.Item>
      ))}
    </List>
  );
}
