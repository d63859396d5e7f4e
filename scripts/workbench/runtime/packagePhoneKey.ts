/**
 * The package's phone key in the workbench: the port of VclPhoneKey.cls over the same generated rules
 * resource the org reads (scripts/workbench/lib/plugins.ts bundles the JSON file as a module).
 */
import rules from '../../../force-app/main/matching/staticresources/Phone_Key_Rules.json';
import { PhoneKeyReader, type PhoneKeyRuleSet } from './phoneKey';

// JSON imports type arrays loosely (string | number[] | null)[]; the generator's test pins the shape.
export const packagePhoneKey = new PhoneKeyReader(rules as unknown as PhoneKeyRuleSet);
