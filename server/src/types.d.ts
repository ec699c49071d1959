// Packages that ship no type declarations; the code narrows what it uses.
declare module 'maildev';
declare module '@mailchimp/mailchimp_transactional';
