export interface IndependenceIssue {
  file: string;
  line: number;
  message: string;
}
