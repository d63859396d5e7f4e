/** E2e cases: a call's transcript stored as a File on its call log and shared to the matched Lead. */
import { MAX_TRANSCRIPT_CHARS } from '../lib/voice-client';
import { E2eSession, lit } from './session';

type LinkRow = { Id: string; ShareType: string; Visibility: string };
type VersionRow = { Id: string; Title: string; PathOnClient: string; ContentSize: number };

export async function transcriptFile(run: E2eSession): Promise<void> {
  await run.runCase(
    'transcript: a File on the call log and the Lead; a re-post adds version 2',
    async (c) => {
      const leadId = await run.lead('+1 555 017 0031', 'transcript');
      const first = 'Agent: Thanks for calling.\nCaller: I would like a quote.';
      const call = run.call('transcript', '555-017-0031', { transcript: first });
      const [result] = await run.post([call]);
      c.equal('status', 'logged', result?.status);
      c.equal('no warnings', 0, result?.warnings.length);
      const log = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
      const documentId = log?.Transcript_File_Id__c ?? '';
      c.truthy('Call_Log__c.Transcript_File_Id__c', documentId);
      const onLead = await run.query<LinkRow>(
        `SELECT Id, ShareType, Visibility FROM ContentDocumentLink WHERE ContentDocumentId = ${lit(documentId)} AND LinkedEntityId = ${lit(leadId)}`
      );
      c.equal('one link to the Lead', 1, onLead.length);
      c.equal('ShareType', 'V', onLead[0]?.ShareType);
      // InternalUsers as written; an org without Experience Cloud (all users internal) may store AllUsers.
      c.truthy(
        `Visibility InternalUsers (or AllUsers without Experience Cloud), was ${onLead[0]?.Visibility ?? 'none'}`,
        ['InternalUsers', 'AllUsers'].includes(onLead[0]?.Visibility ?? '')
      );
      c.equal(
        'published on the call log',
        1,
        await run.count(
          `SELECT COUNT() FROM ContentDocumentLink WHERE ContentDocumentId = ${lit(documentId)} AND LinkedEntityId = ${lit(log?.Id ?? '')}`
        )
      );
      const [version] = await run.query<VersionRow>(
        `SELECT Id, Title, PathOnClient, ContentSize FROM ContentVersion WHERE ContentDocumentId = ${lit(documentId)} AND IsLatest = true`
      );
      c.equal('file name', `transcript-${call.externalCallId}.txt`, version?.PathOnClient);
      c.equal('size in bytes', Buffer.byteLength(first, 'utf8'), version?.ContentSize);

      await run.post([{ ...call, transcript: `${first}\nAgent: Sent.` }]);
      const again = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
      c.equal('the same document', documentId, again?.Transcript_File_Id__c);
      c.equal(
        'two versions',
        2,
        await run.count(`SELECT COUNT() FROM ContentVersion WHERE ContentDocumentId = ${lit(documentId)}`)
      );
      c.equal(
        'still one link to the Lead',
        1,
        await run.count(
          `SELECT COUNT() FROM ContentDocumentLink WHERE ContentDocumentId = ${lit(documentId)} AND LinkedEntityId = ${lit(leadId)}`
        )
      );
    }
  );
  await run.runCase('transcript over the maximum: the call is stored with a warning, no File', async (c) => {
    const call = run.call('transcript-long', '555-017-0031', {
      transcript: 't'.repeat(MAX_TRANSCRIPT_CHARS + 1),
      transcriptUrl: 'https://voice.example.com/transcripts/e2e-long'
    });
    const [result] = await run.post([call]);
    c.equal('status', 'logged', result?.status);
    c.equal('warning field', 'calls[0].transcript', result?.warnings[0]?.field);
    c.contains(
      'warning names the maximum',
      `longer than ${MAX_TRANSCRIPT_CHARS} characters`,
      result?.warnings[0]?.message
    );
    const log = (await run.callLogs([call.externalCallId])).get(call.externalCallId);
    c.empty('no File', log?.Transcript_File_Id__c);
    c.equal('link kept', 'https://voice.example.com/transcripts/e2e-long', log?.Transcript_URL__c);
  });
}
