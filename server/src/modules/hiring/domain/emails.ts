import { defineTemplate } from '../../../platform/email-template.ts';

export const applicationReceived = defineTemplate<{
  name: string;
  vacancy: string;
  applicationId: string;
  setPasswordCode?: { code: string; minutes: number };
}>(
  'application-received',
  (d) => ({
    subject: `We received your application: ${d.vacancy}`,
    paragraphs: [
      `Hello ${d.name},`,
      `Thank you for applying to "${d.vacancy}". A manager will be in touch.`,
      d.setPasswordCode
        ? `To follow your application and take your tests, set a password for the account we opened for you: your code is ${d.setPasswordCode.code}, valid ${d.setPasswordCode.minutes} minutes (POST /v1/auth/password/reset; "forgot password" sends a new one later).`
        : 'Sign in with your existing account to follow your application and take your tests.',
    ],
  }),
  { secrets: (d) => [d.setPasswordCode?.code] },
);

export const applicationForManagers = defineTemplate<{
  name: string;
  applicant: string;
  email: string;
  vacancy: string;
  applicationId: string;
  skills: string;
}>(
  'application-new-for-managers',
  (d) => ({
    subject: `New application: ${d.applicant} for ${d.vacancy}`,
    paragraphs: [
      `Hello ${d.name},`,
      `${d.applicant} <${d.email}> applied to "${d.vacancy}". Skills: ${d.skills || 'none given'}.`,
      'Contact the applicant, assign tests and decide in the admin panel (Hiring → Applications).',
    ],
  }),
  { audience: 'staff' },
);

export const testsAssigned = defineTemplate<{ name: string; tests: string; vacancy: string }>('application-tests-assigned', (d) => ({
  subject: 'Tests to take for your application',
  paragraphs: [
    `Hello ${d.name},`,
    `These tests were assigned to your application to "${d.vacancy}": ${d.tests}.`,
    'Each attempt is timed from the moment you start it; the number of attempts is limited.',
  ],
}));

export const testResult = defineTemplate<{
  name: string;
  test: string;
  score: number;
  passMark: number;
  passed: boolean;
  attemptsLeft: number;
}>('application-test-result', (d) => ({
  subject: `${d.test}: ${d.passed ? 'passed' : 'not passed'} (${d.score} %)`,
  paragraphs: [
    `Hello ${d.name},`,
    `You scored ${d.score} % on "${d.test}"; the pass mark is ${d.passMark} %.`,
    d.passed
      ? 'Well done: you passed.'
      : d.attemptsLeft > 0
        ? `You may try again (${d.attemptsLeft} attempt${d.attemptsLeft === 1 ? '' : 's'} left).`
        : 'No attempts are left for this test.',
  ],
}));

export const applicantHired = defineTemplate<{ name: string; workerCode: string }>('application-hired', (d) => ({
  subject: 'Welcome to Chorecat: you are hired',
  paragraphs: [
    `Hello ${d.name},`,
    `You are now a Chorecat worker. Your worker code is ${d.workerCode}.`,
    'Sign in with your account: orders are matched to you and you are emailed about each one.',
  ],
}));

export const applicantRejected = defineTemplate<{ name: string; reason: string }>('application-rejected', (d) => ({
  subject: 'About your application to Chorecat',
  paragraphs: [`Hello ${d.name},`, 'Thank you for your interest. We will not go further with your application.', `Reason: ${d.reason}`],
}));
