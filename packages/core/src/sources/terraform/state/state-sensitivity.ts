import type { JsonValue } from '../plan/plan-json.js';

/**
 * The dotted paths of raw state's `sensitive_attributes`: each path is a list of steps, `{ type: 'get_attr', value:
 * 'password' }` or `{ type: 'index', value: { value: 0, type: 'number' } }`. A step into a set element (whose key is
 * the element itself) stops the path there, so the whole set is sensitive; an unreadable path marks the whole
 * resource, since guessing less could print a secret.
 */
export function rawSensitivePaths(sensitiveAttributes: JsonValue | undefined): { paths: string[]; unreadable: boolean } {
  if (sensitiveAttributes === undefined || sensitiveAttributes === null) return { paths: [], unreadable: false };
  if (!Array.isArray(sensitiveAttributes)) return { paths: [], unreadable: true };
  const paths: string[] = [];
  let unreadable = false;
  for (const steps of sensitiveAttributes) {
    if (!Array.isArray(steps)) {
      unreadable = true;
      continue;
    }
    const segments: string[] = [];
    for (const step of steps) {
      const key = stepKey(step);
      if (key === undefined) break;
      segments.push(key);
    }
    if (segments.length === 0) unreadable = true;
    else paths.push(segments.join('.'));
  }
  return { paths, unreadable };
}

function stepKey(step: JsonValue): string | undefined {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) return undefined;
  if (step['type'] === 'get_attr' && typeof step['value'] === 'string') return step['value'];
  if (step['type'] === 'index') {
    const index = step['value'];
    const key = typeof index === 'object' && index !== null && !Array.isArray(index) ? index['value'] : index;
    if (typeof key === 'number' || typeof key === 'string') return String(key);
  }
  return undefined;
}

/**
 * Attribute names that hold secrets in the AWS, Azure and other providers' schemas: passwords, keys, tokens,
 * connection strings, private keys, SAS tokens, user data. Raw state marks only what the configuration marked
 * sensitive, not what the provider schema does, and `show -json` needs the schemas at hand; so every attribute
 * named like a secret is treated as sensitive wherever it appears, whatever the state says. A false positive only
 * keeps a value out of messages; the rules still evaluate it.
 */
const secretName =
  /(^|_)(passwords?|passwd|passphrase|secrets?|tokens?|private_keys?|private_key_pem|private_key_openssh|private_key_pem_pkcs8|access_keys?|secret_keys?|sas|sas_url|shared_key|preshared_key|connection_strings?|credentials?|api_keys?|auth_key|primary_key|secondary_key|instrumentation_key|kube_config|kube_config_raw|kube_admin_config|kube_admin_config_raw|plaintext|certificate_password|pfx_blob|key_material|user_data|user_data_base64|custom_data|bcrypt_hash)($|_)|_sensitive$/;

/** Resource types whose `value` or `result` is the secret itself. */
const secretValueTypes: Readonly<Record<string, readonly string[]>> = {
  aws_ssm_parameter: ['value', 'insecure_value'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  azurerm_key_vault_secret: ['value', 'value_wo'],
  azurerm_app_configuration_key: ['value'],
  azuread_application_password: ['value'],
  azuread_service_principal_password: ['value'],
  random_password: ['result'],
  random_string: ['result'],
  tls_private_key: ['private_key_pem', 'private_key_openssh', 'private_key_pem_pkcs8'],
};

/** The dotted paths of attributes that hold secrets by their name (anywhere in the tree) or by their resource type. */
export function secretAttributePaths(type: string, attributes: { readonly [key: string]: JsonValue }): string[] {
  const found = (secretValueTypes[type] ?? []).filter((name) => attributes[name] !== undefined && attributes[name] !== null);
  const visit = (value: JsonValue, prefix: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${prefix}.${index}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const path = prefix === '' ? key : `${prefix}.${key}`;
        if (secretName.test(key) && item !== null && item !== '' && item !== false && !(Array.isArray(item) && item.length === 0)) found.push(path);
        else visit(item, path);
      }
    }
  };
  visit(attributes, '');
  return [...new Set(found)];
}
