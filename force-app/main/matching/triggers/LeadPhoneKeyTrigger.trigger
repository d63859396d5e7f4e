trigger LeadPhoneKeyTrigger on Lead(before insert, before update) {
  PhoneKeyTriggerHandler.handle(Trigger.new);
}
