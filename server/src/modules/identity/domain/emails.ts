import { defineTemplate } from '../../../platform/email-template.ts';

export const verificationCodeEmail = defineTemplate<{ name: string; code: string; minutes: number }>(
  'identity-verify-email',
  (d) => ({
    subject: `Your Chorecat verification code: ${d.code}`,
    paragraphs: [
      `Hello ${d.name},`,
      `Your verification code is ${d.code}. It works for ${d.minutes} minutes.`,
      'If you did not create a Chorecat account, ignore this email.',
    ],
  }),
  { secrets: (d) => [d.code] },
);

export const alreadyRegisteredEmail = defineTemplate<{ name: string }>('identity-already-registered', (d) => ({
  subject: 'Someone tried to create a Chorecat account with your email',
  paragraphs: [
    `Hello ${d.name},`,
    'Someone (perhaps you) tried to register a new account with this address, which already has one.',
    'To get back in, sign in or reset your password. If it was not you, you need do nothing.',
  ],
}));

export const registrationContestedEmail = defineTemplate<{ code: string; minutes: number }>(
  'identity-registration-contested',
  (d) => ({
    subject: `Finish signing up to Chorecat: choose your password (code ${d.code})`,
    paragraphs: [
      'Hello,',
      'This address was used to sign up to Chorecat more than once with different passwords, or it has no password yet. ' +
        'Since nobody has proven this inbox yet, none of those passwords was kept, and earlier codes no longer work.',
      `To finish signing up, choose your password with the code below (POST /v1/auth/password/reset). Your code is ${d.code}. It works for ${d.minutes} minutes.`,
      'If you did not sign up, ignore this email: nobody can use this address without the code.',
    ],
  }),
  { secrets: (d) => [d.code] },
);

export const passwordResetCodeEmail = defineTemplate<{ name: string; code: string; minutes: number }>(
  'identity-password-reset',
  (d) => ({
    subject: `Your Chorecat password reset code: ${d.code}`,
    paragraphs: [
      `Hello ${d.name},`,
      `Your password reset code is ${d.code}. It works for ${d.minutes} minutes.`,
      'If you did not ask for it, ignore this email: your password stays as it is.',
    ],
  }),
  { secrets: (d) => [d.code] },
);

export const passwordChangedEmail = defineTemplate<{ name: string }>('identity-password-changed', (d) => ({
  subject: 'Your Chorecat password was changed',
  paragraphs: [
    `Hello ${d.name},`,
    'Your password was just changed and every session was signed out.',
    'If this was not you, reset your password now and contact support.',
  ],
}));

export const accountErasedEmail = defineTemplate<Record<string, never>>('identity-account-erased', () => ({
  subject: 'Your Chorecat personal data was erased',
  paragraphs: [
    'As you asked, your personal data has been erased and your account closed.',
    'Financial records required by law are kept without your personal details.',
  ],
}));
