-- Lines issued before names were frozen into them take the name their catalog gives the item.
ALTER TABLE `document_lines` ADD `item_name` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `document_lines` SET `item_name` = coalesce(
  (select p.`name` from `plans` p join `documents` d on d.`id` = `document_lines`.`document_id`
    join `accounts` a on a.`id` = d.`account_id` where p.`catalog_id` = a.`catalog_id` and p.`id` = `document_lines`.`item_id`),
  (select o.`name` from `add_ons` o join `documents` d on d.`id` = `document_lines`.`document_id`
    join `accounts` a on a.`id` = d.`account_id` where o.`catalog_id` = a.`catalog_id` and o.`id` = `document_lines`.`item_id`),
  `item_id`);
