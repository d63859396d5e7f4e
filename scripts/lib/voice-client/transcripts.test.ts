/** The reference client's handling of transcripts too large to send. */
import { Call, MAX_TRANSCRIPT_CHARS } from './contract';
import { droppedTranscriptWarning, withSendableTranscripts } from './transcripts';

function call(id: string, transcript?: string): Call {
  return { externalCallId: id, direction: 'inbound', startedAt: '2026-11-20T14:03:00Z', transcript };
}

describe('transcripts the client cannot send', () => {
  it('sends calls whose transcript fits as they are', () => {
    const calls = [call('a', 'Caller: hello'), call('b')];
    const { calls: sent, droppedTranscripts } = withSendableTranscripts(calls);
    expect(sent[0]).toBe(calls[0]);
    expect(sent[1]).toBe(calls[1]);
    expect(droppedTranscripts.size).toBe(0);
  });

  it('sends a call without a transcript that would make it larger than a request, and says so', () => {
    // 500,000 characters of 3-byte UTF-8: within the character maximum, 1.5 MB on the wire.
    const wide = call('wide', '語'.repeat(MAX_TRANSCRIPT_CHARS));
    const { calls: sent, droppedTranscripts } = withSendableTranscripts([call('a', 'short'), wide]);
    expect(sent[1]).toEqual({
      externalCallId: 'wide',
      direction: 'inbound',
      startedAt: '2026-11-20T14:03:00Z'
    });
    expect(wide.transcript).toHaveLength(MAX_TRANSCRIPT_CHARS); // the caller's object is left alone
    expect(droppedTranscripts.get(1)).toMatch(
      /more than a request may be \(1000000\); the call was sent without it/
    );
    expect(droppedTranscripts.has(0)).toBe(false);
  });

  it("measures against the client's own request size", () => {
    const { droppedTranscripts } = withSendableTranscripts([call('a', 'x'.repeat(500))], 400);
    expect(droppedTranscripts.has(0)).toBe(true);
    expect(droppedTranscriptWarning(3, 'm')).toEqual({ field: 'calls[3].transcript', message: 'm' });
  });
});
