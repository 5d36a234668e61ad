// scripts/peer-address.mjs is imported for its effect only.
export {};
