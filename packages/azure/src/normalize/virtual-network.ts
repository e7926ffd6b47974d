import { Unknown, type Resource } from '@trustscan/core';
import { resourceGroupOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes, sortedStringList } from './azure-resource.js';

/**
 * `Microsoft.Network/virtualNetworks` → `azurerm_virtual_network`, its inline subnets → `azurerm_subnet`, and each
 * subnet's network security group → `azurerm_subnet_network_security_group_association`, which is how Terraform
 * spells the links that flow-log rules follow from a network to the NSGs of its subnets.
 */
export function normalizeVirtualNetwork(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const spaces = p.array('addressSpace.addressPrefixes');
  const network = azureResource(record, 'azurerm_virtual_network', {
    ...envelopeAttributes(record),
    address_space: spaces instanceof Unknown ? spaces : sortedStringList(spaces),
  });
  const subnets = p.raw('subnets') === undefined ? [] : p.items('subnets');
  if (subnets instanceof Unknown) return [network];
  const group = resourceGroupOf(record.resource.id) ?? '';
  return [
    network,
    ...subnets.flatMap((subnet) => {
      const id = subnet.raw('id');
      if (typeof id !== 'string') return [];
      const s = subnet.at('properties');
      const prefixes = s.raw('addressPrefixes') ?? (s.raw('addressPrefix') === undefined ? [] : [s.raw('addressPrefix')]);
      const nsg = s.optionalString('networkSecurityGroup.id');
      const resources = [
        azureResource(
          record,
          'azurerm_subnet',
          {
            name: subnet.string('name'),
            resource_group_name: group,
            virtual_network_name: record.resource.name,
            address_prefixes: Array.isArray(prefixes) ? sortedStringList(prefixes) : [],
          },
          id,
        ),
      ];
      if (typeof nsg === 'string') {
        resources.push(azureResource(record, 'azurerm_subnet_network_security_group_association', { subnet_id: id, network_security_group_id: nsg }, `${id}/networkSecurityGroupAssociation`));
      }
      return resources;
    }),
  ];
}
